package com.crmfactory.messaging.gateway.security;

import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import com.crmfactory.messaging.gateway.web.ProblemExceptionHandler;
import com.crmfactory.messaging.gateway.web.ProblemWriter;

import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

/**
 * A request the {@link EdgeFirewall} refuses: 400 problem+json, counted in
 * {@code gateway_firewall_rejected_total}. The detail never repeats the request (it may hold anything).
 */
@Component
public class FirewallRejections implements ServerExchangeRejectedHandler {

    private final ProblemWriter problems;
    private final MeterRegistry meters;

    public FirewallRejections(ProblemWriter problems, MeterRegistry meters) {
        this.problems = problems;
        this.meters = meters;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, ServerExchangeRejectedException rejected) {
        meters.counter("gateway.firewall.rejected").increment();
        return problems.write(exchange, ProblemExceptionHandler.notCanonical());
    }
}
