package com.crmfactory.messaging.automation.definition;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;


/** An invalid automation definition: 400 problem+json whose {@code errors} name each field at fault. */
@RestControllerAdvice
class DefinitionProblems {

    @ExceptionHandler(InvalidDefinitionException.class)
    ProblemDetail invalid(InvalidDefinitionException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid automation");
        problem.setProperty("errors", e.errors().stream()
                .map(error -> Map.of("field", error.field(), "message", error.message())).toList());
        return problem;
    }
}
