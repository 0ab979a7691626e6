package com.crmfactory.messaging.support.config;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;

import com.crmfactory.messaging.support.web.OrgContextFilter;
import com.crmfactory.messaging.support.web.OrgContextToken;
import com.crmfactory.messaging.support.web.ProbeForwardingFilter;
import com.crmfactory.messaging.support.web.ProbePaths;
import com.crmfactory.messaging.support.web.ProblemDetailsAdvice;

import tools.jackson.databind.json.JsonMapper;

/** Servlet services: the org-context filter, problem+json errors and the public probe paths. */
@AutoConfiguration(after = ServiceSupportAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Import(ProblemDetailsAdvice.class)
public class WebSupportAutoConfiguration {

    @Bean
    FilterRegistrationBean<OrgContextFilter> orgContextFilter(OrgContextToken tokens, JsonMapper json) {
        FilterRegistrationBean<OrgContextFilter> registration = new FilterRegistrationBean<>(new OrgContextFilter(tokens, json));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
        return registration;
    }

    /** The public probe paths, answered by the health groups Boot serves on the main port. */
    @Bean
    FilterRegistrationBean<ProbeForwardingFilter> probeForwardingFilter() {
        FilterRegistrationBean<ProbeForwardingFilter> registration = new FilterRegistrationBean<>(new ProbeForwardingFilter());
        registration.addUrlPatterns(ProbePaths.LIVENESS, ProbePaths.READINESS);
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 100);
        return registration;
    }
}
