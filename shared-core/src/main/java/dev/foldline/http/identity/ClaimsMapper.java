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
 * Maps verified identity claims to an {@link Actor}. Used for JWTs this runtime verified itself and
 * by cloud adapters whose platform verified the token already (API Gateway's JWT authorizer hands
 * over its claims map).
 *
 * <p>Roles may be a list, or a string separated by commas or spaces; API Gateway renders a list
 * claim as {@code "[a b]"}, which is read the same way.
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

    /** Names the local runtime read before every runtime used the ones above. */
    private static final Map<String, String> RENAMED = Map.of(
            "JWT_TENANT_CLAIM", TENANT_CLAIM, "JWT_ACTOR_CLAIM", ACTOR_CLAIM, "JWT_ROLES_CLAIM", ROLES_CLAIM);

    public static ClaimsMapper defaults() {
        return new ClaimsMapper("tenant", "sub", "roles");
    }

    /**
     * The claim names from settings (environment variables), the same in every runtime:
     * {@value #TENANT_CLAIM}, {@value #ACTOR_CLAIM}, {@value #ROLES_CLAIM}. A setting under its
     * old name is refused rather than ignored: ignoring it would read the tenant from another claim.
     */
    public static ClaimsMapper fromSettings(Function<String, String> settings) {
        RENAMED.forEach((old, current) -> {
            if (settings.apply(old) != null) {
                throw new IllegalArgumentException(old + " was renamed " + current);
            }
        });
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
        String tenant = required(claims, tenantClaim);
        String id = required(claims, actorClaim);
        return new Actor(tenant, id, roles(claims.get(rolesClaim)), Map.of());
    }

    private static String required(Map<String, ?> claims, String name) {
        Object value = claims.get(name);
        String text = value == null ? "" : value.toString().trim();
        if (text.isEmpty()) {
            throw new Unauthorized("the identity has no " + name);
        }
        if (text.length() > MAX_LENGTH || text.chars().anyMatch(Character::isISOControl)) {
            throw new Unauthorized("the identity's " + name + " is not a usable name");
        }
        return text;
    }

    private static Set<String> roles(Object value) {
        Set<String> roles = new LinkedHashSet<>();
        if (value instanceof Collection<?> list) {
            list.forEach(role -> addRoles(roles, String.valueOf(role)));
        } else if (value != null) {
            String text = value.toString().trim();
            if (text.startsWith("[") && text.endsWith("]")) {
                text = text.substring(1, text.length() - 1);
            }
            addRoles(roles, text);
        }
        return roles;
    }

    private static void addRoles(Set<String> roles, String text) {
        for (String role : text.split("[,\\s]+")) {
            if (!role.isEmpty()) {
                roles.add(role);
            }
        }
    }
}
