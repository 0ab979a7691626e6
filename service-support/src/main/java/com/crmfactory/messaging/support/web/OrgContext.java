package com.crmfactory.messaging.support.web;

import java.util.Optional;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The organisation (tenant) a request acts for. The gateway authenticates the API key and forwards
 * the org in {@link #HEADER} as a signed, short-lived {@link OrgContextToken}; services never take the
 * org from anywhere else.
 */
public final class OrgContext {

    /** Set by the gateway after authenticating the caller; the gateway strips it from client requests. */
    public static final String HEADER = "X-Org-Context";

    static final String ATTRIBUTE = OrgContext.class.getName();
    static final String AGENT_ATTRIBUTE = OrgContext.class.getName() + ".agent";

    private OrgContext() {
    }

    /** The org of the current request, if any. */
    public static Optional<String> current() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        return attributes == null ? Optional.empty()
                : Optional.ofNullable((String) attributes.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST));
    }

    /**
     * The signed-in agent (web inbox) who made the current request; empty for API-key requests. Signed by
     * the gateway with the org (a v3 {@link OrgContextToken}): never taken from the request body.
     */
    public static Optional<String> agentId() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        return attributes == null ? Optional.empty()
                : Optional.ofNullable((String) attributes.getAttribute(AGENT_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST));
    }

    /** The org of the current request; fails if there is none (the filter guarantees one on {@code /api/v1/**}). */
    public static String require() {
        return current().orElseThrow(() -> new IllegalStateException("no organisation context on this request"));
    }
}
