package dev.foldline.http;

import dev.foldline.errors.Forbidden;
import dev.foldline.errors.InvalidArgument;
import dev.foldline.json.Json;
import dev.foldline.model.Actor;
import dev.foldline.projection.ProjectionRebuild;
import dev.foldline.projection.Rebuilds;
import java.util.Map;

/**
 * {@code POST /projections/{handler}/rebuild}: one step of rebuilding a handler, answered with its
 * progress; the caller repeats it until the stage is {@code done}. The tenant is the caller's own,
 * from its verified identity, and the caller needs the {@value HttpApi#REBUILD_ROLE} role; with
 * {@code ?tenants=all} every tenant is rebuilt, which needs the {@value HttpApi#OPERATOR_ROLE}
 * role. {@code pageSize} (envelopes per page) and {@code pages} (pages per step) bound the step.
 */
final class RebuildRoute {

    static final String TENANTS = "tenants";
    static final String PAGE_SIZE = "pageSize";
    static final String PAGES = "pages";
    private static final int MAX_PAGE_SIZE = 1_000;
    private static final int DEFAULT_PAGES = 20;
    private static final int MAX_PAGES = 1_000;

    private final Rebuilds rebuilds;

    RebuildRoute(Rebuilds rebuilds) {
        this.rebuilds = rebuilds;
    }

    HttpResponse rebuild(HttpRequest request, Actor actor, String handler) {
        QueryParameters query = QueryParameters.of(request.query());
        boolean allTenants = allTenants(query);
        String role = allTenants ? HttpApi.OPERATOR_ROLE : HttpApi.REBUILD_ROLE;
        if (!actor.roles().contains(role)) {
            throw new Forbidden("rebuilding a projection" + (allTenants ? " in every tenant" : "")
                    + " needs the " + role + " role");
        }
        int pageSize = (int) query.integer(PAGE_SIZE, ProjectionRebuild.DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE);
        int pages = (int) query.integer(PAGES, DEFAULT_PAGES, 1, MAX_PAGES);
        Map<String, Object> progress = allTenants
                ? rebuilds.inAllTenants(handler, pageSize, pages).summary()
                : rebuilds.inTenant(handler, actor.tenant(), pageSize, pages).summary();
        return HttpResponse.json(200, Json.write(progress), Map.of());
    }

    private static boolean allTenants(QueryParameters query) {
        String tenants = query.get(TENANTS).orElse(null);
        if (tenants == null) {
            return false;
        }
        if (!tenants.equals("all")) {
            throw new InvalidArgument(TENANTS, "tenants is all, or left out for the caller's own tenant");
        }
        return true;
    }
}
