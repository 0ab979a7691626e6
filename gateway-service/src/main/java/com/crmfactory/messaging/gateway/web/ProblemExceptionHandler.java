package com.crmfactory.messaging.gateway.web;

import java.net.ConnectException;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.WebExceptionHandler;

import com.crmfactory.messaging.support.web.ConflictException;
import com.crmfactory.messaging.support.web.NotFoundException;
import com.crmfactory.messaging.support.web.UnprocessableException;

import reactor.core.publisher.Mono;

/**
 * Every error the gateway itself produces becomes RFC 9457 problem+json: no route (404), admin
 * validation (422 naming the fields), conflicts (409), unreadable bodies (400), a service that cannot
 * be reached (503). Runs before Boot's default handler (order -1), which would answer its own JSON shape.
 * Responses of the services pass through untouched.
 */
@Component
@Order(-2)
public class ProblemExceptionHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

    private final ProblemWriter writer;

    public ProblemExceptionHandler(ProblemWriter writer) {
        this.writer = writer;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        return writer.write(exchange, toProblem(error));
    }

    static Problem toProblem(Throwable error) {
        if (error instanceof WebExchangeBindException invalid) {
            return invalidFields(invalid.getFieldErrors().stream()
                    .map(e -> Map.<String, Object>of("field", e.getField(), "message", String.valueOf(e.getDefaultMessage())))
                    .toList());
        }
        if (error instanceof InvalidFieldsException invalid) {
            return invalidFields(invalid.errors());
        }
        if (error instanceof UnprocessableException invalid) {
            return Problem.of(HttpStatus.UNPROCESSABLE_CONTENT, "Invalid request", invalid.getMessage())
                    .with("errors", List.of(Map.of("field", invalid.field(), "message", invalid.getMessage())));
        }
        if (error instanceof NotFoundException notFound) {
            return Problem.of(HttpStatus.NOT_FOUND, "Not found", notFound.getMessage());
        }
        if (error instanceof ConflictException conflict) {
            return Problem.of(HttpStatus.CONFLICT, "Conflict", conflict.getMessage());
        }
        if (error instanceof ServerWebInputException unreadable) {
            return Problem.of(HttpStatus.BAD_REQUEST, "Unreadable request",
                    unreadable.getReason() == null ? "The request could not be read." : unreadable.getReason());
        }
        if (error instanceof ServerExchangeRejectedException) {
            // the firewall's lazy checks (header values read after routing): as refused up front
            return notCanonical();
        }
        if (error instanceof ErrorResponse response) {
            return fromErrorResponse(response);
        }
        if (causedBy(error, ConnectException.class)) {
            // the route matched but its service is down: the client may retry shortly
            return Problem.of(HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable",
                    "The service behind this path cannot be reached right now. Retry shortly.")
                    .withHeader(HttpHeaders.RETRY_AFTER, "5");
        }
        if (causedBy(error, DataAccessResourceFailureException.class) || causedBy(error, TransientDataAccessException.class)) {
            // e.g. the database is away while a key is looked up: a retry may well succeed
            log.warn("Gateway database unavailable: {}", error.getMessage());
            return Problem.of(HttpStatus.SERVICE_UNAVAILABLE, "Temporarily unavailable",
                    "The gateway cannot check credentials right now. Retry shortly.")
                    .withHeader(HttpHeaders.RETRY_AFTER, "5");
        }
        log.error("Unhandled gateway error", error);
        return Problem.of(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error", "The gateway failed to handle this request.");
    }

    /** A request the firewall refused: its path or headers are not in the one canonical spelling. */
    public static Problem notCanonical() {
        return Problem.of(HttpStatus.BAD_REQUEST, "Bad Request",
                "The request path or headers are not in canonical form: no '%' escapes, ';', '\\', '//', '.' or '..' "
                        + "segments, control or non-ASCII characters.");
    }

    private static Problem invalidFields(List<Map<String, Object>> errors) {
        return Problem.of(HttpStatus.UNPROCESSABLE_CONTENT, "Invalid request", "The request has invalid fields.")
                .with("errors", errors);
    }

    private static Problem fromErrorResponse(ErrorResponse response) {
        HttpStatusCode status = response.getStatusCode();
        String detail = status.value() == 404 ? "Nothing is served at this path." : response.getBody().getDetail();
        HttpStatus known = HttpStatus.resolve(status.value());
        Problem problem = Problem.of(status, known == null ? "Error" : known.getReasonPhrase(), detail);
        for (Map.Entry<String, List<String>> header : response.getHeaders().headerSet()) {
            problem = problem.withHeader(header.getKey(), String.join(", ", header.getValue()));
        }
        return problem;
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
