package com.crmfactory.messaging.support.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/** Servlet services: {@code /actuator/health/liveness|readiness} on the public port answer as {@code /livez|/readyz}. */
public class ProbeForwardingFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String target = ProbePaths.target(request.getRequestURI().substring(request.getContextPath().length()));
        if (target == null) {
            chain.doFilter(request, response);
            return;
        }
        request.getRequestDispatcher(target).forward(request, response);
    }
}
