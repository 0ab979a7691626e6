package com.crmfactory.messaging.gateway.security;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;

import com.crmfactory.messaging.gateway.web.Problem;

/**
 * Why a request was refused at the edge: the problem+json answer and the {@code reason} tag of
 * {@code gateway_auth_rejected_total}. An {@link AuthenticationException}, so that Spring Security's
 * authentication filter hands it to {@link Rejections} instead of its own defaults.
 */
public final class AuthRejection extends AuthenticationException {

    private final String reason;
    private final transient Problem problem;

    private AuthRejection(String reason, Problem problem) {
        super(problem.title());
        this.reason = reason;
        this.problem = problem;
    }

    /** 401 with {@code WWW-Authenticate: Bearer realm="<realm>"}. */
    public static AuthRejection unauthorized(String reason, String realm, String title, String detail) {
        return new AuthRejection(reason, Problem.of(HttpStatus.UNAUTHORIZED, title, detail)
                .withHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"" + realm + "\""));
    }

    public static AuthRejection forbidden(String reason, String title, String detail) {
        return new AuthRejection(reason, Problem.of(HttpStatus.FORBIDDEN, title, detail));
    }

    public static AuthRejection of(String reason, Problem problem) {
        return new AuthRejection(reason, problem);
    }

    public String reason() {
        return reason;
    }

    public Problem problem() {
        return problem;
    }
}
