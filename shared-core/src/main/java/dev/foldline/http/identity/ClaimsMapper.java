package dev.foldline.http.identity;

import dev.foldline.errors.Unauthorized;
import dev.foldline.model.Actor;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Maps verified identity claims to an {@link Actor}, the same way in every runtime: for JWTs a
 * runtime verified itself, and for claims a platform verified before the function ran (API
 * Gateway's JWT authorizer hands over its claims map).
 *
 * <p>Claims are typed. The tenant and the actor id must be non-empty strings; anything else (a
 * number, a list, an object) is a 401 rather than a value coerced into a name. The roles claim is
 * a list of strings, each entry one role even when it contains spaces ({@code "Finance manager"}),
 * or a string of roles separated by spaces or commas. API Gateway's HTTP API hands every claim over
 * as a string and renders a list as {@code "[a b]"}: that form is read as a list of
 * space-separated roles (a role containing a space cannot survive that rendering), and a tenant or
 * actor in that form is a list, so a 401.
 *
 * @param tenantClaim the claim holding the tenant, e.g. {@code tenant} or {@code custom:tenant}
 * @param actorClaim  the claim holding the actor id, usually {@code sub}
 * @param rolesClaim  the claim holding the roles, e.g. {@code roles} or {@code cognito:groups}
 */
public record ClaimsMapper(String tenantClaim, String actorClaim, String rolesClaim) {

    private static final int MAX_LENGTH = 256;

    public ClaimsMapper {
        Objects.requireNonNull(tenantClaim, "tenantClaim");
        Objects.requireNonNull(actorClaim, "actorClaim");
        Objects.requireNonNull(rolesClaim, "rolesClaim");
    }

    /** The setting naming the claim that holds the tenant (default {@code tenant}). */
    public static final String TENANT_CLAIM = "FOLDLINE_TENANT_CLAIM";
    /** The setting naming the claim that holds the actor id (default {@code sub}). */
    public static final String ACTOR_CLAIM = "FOLDLINE_ACTOR_CLAIM";
    /** The setting naming the claim that holds the roles (default {@code roles}). */
    public static final String ROLES_CLAIM = "FOLDLINE_ROLES_CLAIM";

    public static ClaimsMapper defaults() {
        return new ClaimsMapper("tenant", "sub", "roles");
    }

    /**
     * The claim names from settings (environment variables), the same in every runtime:
     * {@value #TENANT_CLAIM}, {@value #ACTOR_CLAIM}, {@value #ROLES_CLAIM}.
     */
    public static ClaimsMapper fromSettings(Function<String, String> settings) {
        ClaimsMapper defaults = defaults();
        return new ClaimsMapper(setting(settings, TENANT_CLAIM, defaults.tenantClaim()),
                setting(settings, ACTOR_CLAIM, defaults.actorClaim()),
                setting(settings, ROLES_CLAIM, defaults.rolesClaim()));
    }

    private static String setting(Function<String, String> settings, String name, String fallback) {
        String value = settings.apply(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    public Actor toActor(Map<String, ?> claims) {
        String tenant = name(claims, tenantClaim);
        String id = name(claims, actorClaim);
        return new Actor(tenant, id, roles(claims.get(rolesClaim)), Map.of());
    }

    private static String name(Map<String, ?> claims, String claim) {
        Object value = claims.get(claim);
        if (value == null) {
            throw new Unauthorized("the identity has no " + claim);
        }
        if (!(value instanceof String text)) {
            throw new Unauthorized("the identity's " + claim + " is not a string");
        }
        String name = text.trim();
        if (name.isEmpty()) {
            throw new Unauthorized("the identity has no " + claim);
        }
        if (isRenderedList(name)) {
            throw new Unauthorized("the identity's " + claim + " is a list, not a name");
        }
        return usable(name, claim);
    }

    private static String usable(String name, String claim) {
        if (name.length() > MAX_LENGTH || name.chars().anyMatch(Character::isISOControl)) {
            throw new Unauthorized("the identity's " + claim + " is not a usable name");
        }
        return name;
    }

    private Set<String> roles(Object value) {
        Set<String> roles = new LinkedHashSet<>();
        if (value instanceof Collection<?> list) {
            for (Object role : list) {
                if (!(role instanceof String text)) {
                    throw new Unauthorized("the identity's " + rolesClaim + " is not a list of strings");
                }
                addRole(roles, text);
            }
        } else if (value instanceof String text) {
            String trimmed = text.trim();
            if (isRenderedList(trimmed)) {
                trimmed = trimmed.substring(1, trimmed.length() - 1);
            }
            for (String role : trimmed.split("[,\\s]+")) {
                addRole(roles, role);
            }
        } else if (value != null) {
            throw new Unauthorized("the identity's " + rolesClaim + " is neither a string nor a list of strings");
        }
        return roles;
    }

    private void addRole(Set<String> roles, String role) {
        String trimmed = role.trim();
        if (!trimmed.isEmpty()) {
            roles.add(usable(trimmed, rolesClaim));
        }
    }

    /** API Gateway's rendering of a list claim as one string: {@code "[a b]"}. */
    private static boolean isRenderedList(String text) {
        return text.length() >= 2 && text.startsWith("[") && text.endsWith("]");
    }
}
