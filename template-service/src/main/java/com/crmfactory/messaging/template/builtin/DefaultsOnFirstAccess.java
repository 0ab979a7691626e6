package com.crmfactory.messaging.template.builtin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import com.crmfactory.messaging.support.web.OrgContext;
import com.crmfactory.messaging.template.catalog.TemplateController;

/**
 * Before any template call, the caller's org has its built-ins (in their own transaction, committed
 * before the request's): one place for the "first access" path instead of a call in every service method.
 */
@Component
class DefaultsOnFirstAccess implements HandlerInterceptor, WebMvcConfigurer {

    private final DefaultTemplates defaults;

    DefaultsOnFirstAccess(DefaultTemplates defaults) {
        this.defaults = defaults;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        OrgContext.current().ifPresent(defaults::ensureFor);
        return true;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns(TemplateController.PATH, TemplateController.PATH + "/**");
    }
}
