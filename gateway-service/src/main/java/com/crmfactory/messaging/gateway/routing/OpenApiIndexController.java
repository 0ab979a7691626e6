package com.crmfactory.messaging.gateway.routing;

import java.util.List;

import org.springframework.cloud.gateway.route.RouteDefinitionLocator;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;

/**
 * {@code GET /openapi}: where each service's OpenAPI document is, as served through the gateway.
 * Built from the routes whose id starts with {@code openapi-} (application.yml), so the list cannot
 * drift from the routes; the shape fits Swagger UI's {@code urls} option.
 */
@RestController
class OpenApiIndexController {

    static final String ROUTE_PREFIX = "openapi-";

    private final RouteDefinitionLocator routes;

    OpenApiIndexController(RouteDefinitionLocator routes) {
        this.routes = routes;
    }

    record Document(String name, String url) {
    }

    record Index(List<Document> services) {
    }

    @GetMapping("/openapi")
    Mono<Index> index() {
        return routes.getRouteDefinitions()
                .filter(route -> route.getId() != null && route.getId().startsWith(ROUTE_PREFIX))
                .map(route -> route.getId().substring(ROUTE_PREFIX.length()))
                .sort()
                .map(name -> new Document(name, "/openapi/" + name))
                .collectList()
                .map(Index::new);
    }
}
