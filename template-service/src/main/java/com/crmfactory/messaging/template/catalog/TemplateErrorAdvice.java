package com.crmfactory.messaging.template.catalog;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The two conflicts the service checks cannot rule out under concurrency: two requests creating the same
 * key at once (the unique index decides), and two writers of one template (the version decides).
 */
@RestControllerAdvice
class TemplateErrorAdvice {

    @ExceptionHandler(DataIntegrityViolationException.class)
    ProblemDetail duplicate(DataIntegrityViolationException e) {
        if (!String.valueOf(e.getMessage()).contains("message_template_identity")) {
            throw e;
        }
        return conflict("A template with this key, channel and language already exists.");
    }

    @ExceptionHandler(ObjectOptimisticLockingFailureException.class)
    ProblemDetail concurrentChange(ObjectOptimisticLockingFailureException e) {
        return conflict("The template was changed by another request at the same time: read it again and retry.");
    }

    private static ProblemDetail conflict(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail);
        problem.setTitle("Conflict");
        return problem;
    }
}
