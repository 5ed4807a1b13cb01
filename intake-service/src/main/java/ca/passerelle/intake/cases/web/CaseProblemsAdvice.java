package ca.passerelle.intake.cases.web;

import java.net.URI;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import ca.passerelle.intake.cases.CaseAlreadyOpenException;
import ca.passerelle.intake.cases.CaseUnreadableException;

/**
 * Intake's own problem types, ahead of the platform's generic ones: a second open case for the same patient, and a case whose
 * stored identity fails its integrity check. Neither names another case nor any value.
 */
@RestControllerAdvice(assignableTypes = CaseController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class CaseProblemsAdvice {

    private static final URI TYPE_BASE = URI.create("https://passerelle.ca/problems/");

    @ExceptionHandler(CaseAlreadyOpenException.class)
    ProblemDetail alreadyOpen(CaseAlreadyOpenException ex) {
        return problem(HttpStatus.CONFLICT, CaseAlreadyOpenException.PROBLEM, "Case already open", ex.getMessage());
    }

    /** Tampered or moved ciphertext: a stated conflict with the stored state, not an anonymous 500 (the log has the case id). */
    @ExceptionHandler(CaseUnreadableException.class)
    ProblemDetail unreadable(CaseUnreadableException ex) {
        return problem(HttpStatus.CONFLICT, CaseUnreadableException.PROBLEM, "Case record unreadable",
                "The stored identity of this case failed its integrity check; it cannot be shown. The incident has been logged.");
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(TYPE_BASE.resolve(type));
        problem.setTitle(title);
        problem.setProperty("rule", type);
        return problem;
    }
}
