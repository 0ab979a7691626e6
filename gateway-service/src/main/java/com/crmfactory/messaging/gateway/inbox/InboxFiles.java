package com.crmfactory.messaging.gateway.inbox;

import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.config.ResourceHandlerRegistry;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Serves the web inbox (the {@code web-inbox} module's built files, {@code web-inbox/} on the class path): its
 * page at {@code /}, never cached (it names the current files), and its content-hashed files under
 * {@code /assets/}, cached for a year (a new build has new names). Routes are hash-based ({@code /#/…}): no
 * other path serves the page. The security chains open exactly these two paths, GET only.
 */
@Configuration(proxyBeanMethods = false)
public class InboxFiles implements WebFluxConfigurer {

    static final String LOCATION = "web-inbox/";

    @Bean
    RouterFunction<ServerResponse> inboxPage() {
        Resource index = new ClassPathResource(LOCATION + "index.html");
        return RouterFunctions.route()
                .GET("/", request -> index.exists()
                        ? ServerResponse.ok().contentType(MediaType.TEXT_HTML)
                                .cacheControl(CacheControl.noCache()).bodyValue(index)
                        : ServerResponse.notFound().build())
                .build();
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/assets/**")
                .addResourceLocations("classpath:/" + LOCATION + "assets/")
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable());
    }
}
