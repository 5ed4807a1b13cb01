package ca.passerelle.intake.cases.web;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

import ca.passerelle.intake.cases.CaseAlreadyOpenException;
import ca.passerelle.intake.cases.CaseClosedException;
import ca.passerelle.intake.cases.CaseUnreadableException;
import ca.passerelle.intake.cases.CaseUpdateService;
import ca.passerelle.intake.cases.ConsentWithdrawnException;
import ca.passerelle.intake.cases.DocumentTooLargeException;
import ca.passerelle.intake.cases.UnsupportedDocumentException;
import ca.passerelle.platform.web.ProblemDetailsAdvice.FieldError;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.PropertyBindingException;

/**
 * Intake's own problem types, ahead of the platform's generic ones: a second open case for the same patient, a closed case, a
 * withdrawn consent, a document of the wrong type or size or a multipart body that does not parse, a case whose stored data fails its integrity check, and bodies
 * that do not read (unknown field, unknown code, wrong format) as field errors. None names another case nor repeats a
 * submitted value.
 */
@RestControllerAdvice(assignableTypes = {CaseController.class, CaseUpdateController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class CaseProblemsAdvice {

    private static final Logger log = LoggerFactory.getLogger(CaseProblemsAdvice.class);
    private static final URI TYPE_BASE = URI.create("https://passerelle.ca/problems/");

    @ExceptionHandler(CaseAlreadyOpenException.class)
    ProblemDetail alreadyOpen(CaseAlreadyOpenException ex) {
        return problem(HttpStatus.CONFLICT, CaseAlreadyOpenException.PROBLEM, "Case already open", ex.getMessage());
    }

    @ExceptionHandler(CaseClosedException.class)
    ProblemDetail closed(CaseClosedException ex) {
        return problem(HttpStatus.CONFLICT, CaseClosedException.PROBLEM, "Case closed", ex.getMessage());
    }

    @ExceptionHandler(ConsentWithdrawnException.class)
    ProblemDetail consentWithdrawn(ConsentWithdrawnException ex) {
        return problem(HttpStatus.CONFLICT, ConsentWithdrawnException.PROBLEM, "Consent withdrawn", ex.getMessage());
    }

    @ExceptionHandler(UnsupportedDocumentException.class)
    ProblemDetail unsupportedDocument(UnsupportedDocumentException ex) {
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, UnsupportedDocumentException.PROBLEM, "Unsupported document type", ex.getMessage());
    }

    @ExceptionHandler(DocumentTooLargeException.class)
    ProblemDetail documentTooLarge(DocumentTooLargeException ex) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, DocumentTooLargeException.PROBLEM, "Document too large", ex.getMessage());
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ProblemDetail uploadTooLarge(MaxUploadSizeExceededException ex) {
        return documentTooLarge(new DocumentTooLargeException(CaseUpdateService.MAX_DOCUMENT_BYTES));
    }

    /**
     * A multipart body that does not parse (cut short, a boundary that never closes…): the client's doing, so a 400 naming
     * the body, not a server failure. An upload above the limits stays a 413 (the handler above, more specific).
     */
    @ExceptionHandler(MultipartException.class)
    ProblemDetail unreadableUpload(MultipartException ex) {
        log.debug("Unreadable multipart body: {}", ex.getClass().getSimpleName());
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "validation-failed", "Invalid request", "1 field(s) failed validation");
        problem.setProperty("errors", List.of(new FieldError("body",
                "must be a well-formed multipart/form-data body with a file part and a kind")));
        problem.getProperties().remove("rule");
        return problem;
    }

    /**
     * Tampered or moved ciphertext: a server-side integrity failure, not the client's doing, so a 500-class problem of its own
     * type (the log has the case id and the field path, never a value).
     */
    @ExceptionHandler(CaseUnreadableException.class)
    ProblemDetail unreadable(CaseUnreadableException ex) {
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, CaseUnreadableException.PROBLEM, "Case record unreadable",
                "The stored data of this case failed its integrity check; it cannot be shown or changed. The incident has been logged.");
    }

    /** A body that does not read: each offending field is named with what it expects; the submitted value is never repeated. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadableBody(HttpMessageNotReadableException ex) {
        Throwable cause = ex.getCause();
        List<FieldError> errors;
        if (cause instanceof PropertyBindingException unknown) {
            errors = List.of(new FieldError(parentPath(unknown), "holds a field this request does not accept (accepted: "
                    + known(unknown.getKnownPropertyIds()) + ")"));
        } else if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            errors = List.of(new FieldError(path(mismatch.getPath()), expected(mismatch.getTargetType())));
        } else if (cause instanceof StreamReadException) {
            errors = List.of(new FieldError("body", "must be well-formed JSON"));
        } else {
            log.debug("Unreadable body: {}", cause == null ? "no body" : cause.getClass().getSimpleName());
            errors = List.of(new FieldError("body", "must be a JSON object of the documented shape"));
        }
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "validation-failed", "Invalid request",
                errors.size() + " field(s) failed validation");
        problem.setProperty("errors", errors);
        problem.getProperties().remove("rule");
        return problem;
    }

    /** A path or query parameter of the wrong type or an unknown code (e.g. {@code kind}, {@code size}). */
    @ExceptionHandler(TypeMismatchException.class)
    ProblemDetail typeMismatch(TypeMismatchException ex) {
        String field = ex instanceof MethodArgumentTypeMismatchException argument ? argument.getName() : String.valueOf(ex.getPropertyName());
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "validation-failed", "Invalid request", "1 parameter(s) failed validation");
        problem.setProperty("errors", List.of(new FieldError(field, expected(ex.getRequiredType()))));
        problem.getProperties().remove("rule");
        return problem;
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "has the wrong type or format";
        }
        if (type.isEnum()) {
            return "must be one of " + Arrays.stream(type.getEnumConstants()).map(String::valueOf).collect(Collectors.joining(", "));
        }
        if (type == LocalDate.class) {
            return "must be a date such as 2026-11-02";
        }
        if (type == Instant.class) {
            return "must be an instant such as 2026-11-02T13:50:00Z";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "must be a whole number in range";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (type == String.class) {
            return "must be a string";
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "must be an array";
        }
        return "must be an object of the documented shape";
    }

    private static String known(Collection<Object> ids) {
        return ids == null ? "" : ids.stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
    }

    /** The path to the object holding the unknown field: the unknown name itself is the caller's text and is not repeated. */
    private static String parentPath(PropertyBindingException ex) {
        List<JacksonException.Reference> references = ex.getPath();
        String parent = path(references.isEmpty() ? references : references.subList(0, references.size() - 1));
        return parent.isEmpty() ? "body" : parent;
    }

    private static String path(List<JacksonException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : references) {
            if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            } else if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(TYPE_BASE.resolve(type));
        problem.setTitle(title);
        problem.setProperty("rule", type);
        return problem;
    }
}
