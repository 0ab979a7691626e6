package com.crmfactory.messaging.ingest.webhook;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

import jakarta.servlet.http.HttpServletRequest;

/** Lets a controller method take a verified {@link TwilioWebhook} parameter. */
class TwilioWebhookArgumentResolver implements HandlerMethodArgumentResolver {

    private final TwilioWebhookReader reader;

    TwilioWebhookArgumentResolver(TwilioWebhookReader reader) {
        this.reader = reader;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == TwilioWebhook.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
            NativeWebRequest webRequest, WebDataBinderFactory binderFactory) throws Exception {
        return reader.read(webRequest.getNativeRequest(HttpServletRequest.class));
    }
}
