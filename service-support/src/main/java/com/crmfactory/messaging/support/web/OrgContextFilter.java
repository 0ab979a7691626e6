package com.crmfactory.messaging.support.web;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

import tools.jackson.databind.json.JsonMapper;

/**
 * Requires the org context on {@code /api/v1/**} and exposes it through {@link OrgContext}. Twilio's
 * webhooks ({@code /api/v1/webhooks/**}) carry no org header: they are signature-checked instead and
 * the org is found from the number they were sent to.
 */
public class OrgContextFilter extends OncePerRequestFilter {

    private final OrgContextToken tokens;
    private final JsonMapper json;

    public OrgContextFilter(OrgContextToken tokens, JsonMapper json) {
        this.tokens = tokens;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !path.startsWith("/api/v1/") || path.startsWith("/api/v1/webhooks/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String token = request.getHeader(OrgContext.HEADER);
        if (token == null || token.isBlank()) {
            reject(response, request, "This request carries no organisation context. Call the API through the gateway with an API key.");
            return;
        }
        Optional<OrgContextToken.Claims> claims = tokens.verifyClaims(token);
        if (claims.isEmpty()) {
            reject(response, request, "The organisation context is invalid or expired. Call the API through the gateway.");
            return;
        }
        request.setAttribute(OrgContext.ATTRIBUTE, claims.get().orgId());
        claims.get().agentId().ifPresent(agent -> request.setAttribute(OrgContext.AGENT_ATTRIBUTE, agent));
        chain.doFilter(request, response);
    }

    private void reject(HttpServletResponse response, HttpServletRequest request, String detail) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, detail);
        problem.setTitle("Organisation context missing");
        problem.setProperty("header", OrgContext.HEADER);
        problem.setInstance(java.net.URI.create(request.getRequestURI()));
        response.setStatus(HttpStatus.UNAUTHORIZED.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
