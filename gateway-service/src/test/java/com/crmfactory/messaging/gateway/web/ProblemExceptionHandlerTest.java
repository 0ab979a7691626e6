package com.crmfactory.messaging.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebInputException;

import com.crmfactory.messaging.support.web.ConflictException;
import com.crmfactory.messaging.support.web.NotFoundException;
import com.crmfactory.messaging.support.web.UnprocessableException;

class ProblemExceptionHandlerTest {

    @Test
    void mapsEachKindOfFailureToItsStatus() {
        assertThat(status(new NotFoundException("Org", "x"))).isEqualTo(404);
        assertThat(status(new ConflictException("dup"))).isEqualTo(409);
        assertThat(status(new ServerWebInputException("bad json"))).isEqualTo(400);
        assertThat(status(new ResponseStatusException(HttpStatus.NOT_FOUND))).isEqualTo(404);
        assertThat(status(new ResponseStatusException(HttpStatus.GATEWAY_TIMEOUT))).isEqualTo(504);
        assertThat(status(new IllegalStateException("bug"))).isEqualTo(500);
    }

    @Test
    void invalidFieldsAre422NamingEachField() {
        Problem single = ProblemExceptionHandler.toProblem(new UnprocessableException("address", "address is required"));
        assertThat(single.status().value()).isEqualTo(422);
        assertThat(single.extensions().get("errors")).isEqualTo(List.of(Map.of("field", "address", "message", "address is required")));

        InvalidFieldsException.Collector errors = new InvalidFieldsException.Collector()
                .check(false, "name", "name is required").check(false, "timeZone", "bad zone").check(true, "id", "fine");
        try {
            errors.throwIfAny();
        } catch (InvalidFieldsException e) {
            Problem many = ProblemExceptionHandler.toProblem(e);
            assertThat(many.status().value()).isEqualTo(422);
            assertThat((List<?>) many.extensions().get("errors")).hasSize(2);
            return;
        }
        throw new AssertionError("expected InvalidFieldsException");
    }

    @Test
    void unreachableServicesAndDatabaseAre503WithRetryAfter() {
        Problem service = ProblemExceptionHandler.toProblem(new IllegalStateException(new ConnectException("refused")));
        assertThat(service.status().value()).isEqualTo(503);
        assertThat(service.headers().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");

        Problem database = ProblemExceptionHandler.toProblem(new CannotGetJdbcConnectionException("down"));
        assertThat(database.status().value()).isEqualTo(503);
        assertThat(database.headers().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
    }

    private static int status(Throwable error) {
        return ProblemExceptionHandler.toProblem(error).status().value();
    }
}
