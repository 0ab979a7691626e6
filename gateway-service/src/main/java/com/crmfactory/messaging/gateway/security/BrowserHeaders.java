package com.crmfactory.messaging.gateway.security;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.web.server.header.CompositeServerHttpHeadersWriter;
import org.springframework.security.web.server.header.ContentSecurityPolicyServerHttpHeadersWriter;
import org.springframework.security.web.server.header.HttpHeaderWriterWebFilter;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter;
import org.springframework.security.web.server.header.StrictTransportSecurityServerHttpHeadersWriter;
import org.springframework.security.web.server.header.XContentTypeOptionsServerHttpHeadersWriter;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter;
import org.springframework.stereotype.Component;

/**
 * The browser-facing headers of every gateway response, its own, the services' and the firewall's
 * refusals alike (hence a filter ahead of everything, not the security chains' header spec): a strict
 * CSP for the web inbox that will be served from {@code /}, no MIME sniffing, no referrer, no framing,
 * HSTS on https. A header the service already set is left as it is.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class BrowserHeaders extends HttpHeaderWriterWebFilter {

    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; object-src 'none'; "
            + "base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    public BrowserHeaders() {
        super(new CompositeServerHttpHeadersWriter(
                csp(),
                new XContentTypeOptionsServerHttpHeadersWriter(),
                new ReferrerPolicyServerHttpHeadersWriter(),
                frameOptions(),
                new StrictTransportSecurityServerHttpHeadersWriter()));
    }

    private static ContentSecurityPolicyServerHttpHeadersWriter csp() {
        ContentSecurityPolicyServerHttpHeadersWriter writer = new ContentSecurityPolicyServerHttpHeadersWriter();
        writer.setPolicyDirectives(CONTENT_SECURITY_POLICY);
        return writer;
    }

    private static XFrameOptionsServerHttpHeadersWriter frameOptions() {
        XFrameOptionsServerHttpHeadersWriter writer = new XFrameOptionsServerHttpHeadersWriter();
        writer.setMode(XFrameOptionsServerHttpHeadersWriter.Mode.DENY);
        return writer;
    }
}
