package io.sangdam.platform.web;

import io.sangdam.platform.Problems;
import io.sangdam.platform.Problems.FieldProblem;
import io.sangdam.platform.RequestRejected;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.BindException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every failure of a REST controller into problem details with a stable code. Unexpected
 * exceptions are logged with an incident id the user can quote; the stack trace never leaves the
 * server.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiErrors extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    private final Problems problems;

    ApiErrors(Problems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(RequestRejected.class)
    ResponseEntity<Object> rejected(RequestRejected rejected, HttpServletRequest request) {
        ResponseEntity<Object> response =
                respond(request, rejected.status(), rejected.code(), rejected.arguments(), List.of());
        if (!rejected.asksToRetryLater()) {
            return response;
        }
        return ResponseEntity.status(response.getStatusCode())
                .headers(response.getHeaders())
                .header(HttpHeaders.RETRY_AFTER, Long.toString(rejected.retryAfterSeconds()))
                .body(response.getBody());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> denied(HttpServletRequest request) {
        return respond(request, HttpStatus.FORBIDDEN, "access-denied", new Object[0], List.of());
    }

    /**
     * No database connection came free in time, or the database asked to try again: the server is
     * overloaded, not broken, and the client may retry (a step of the request may have been stored).
     */
    @ExceptionHandler({
        org.springframework.jdbc.CannotGetJdbcConnectionException.class,
        org.springframework.dao.TransientDataAccessException.class
    })
    ResponseEntity<Object> busy(Exception exception, HttpServletRequest request) {
        log.warn("Database busy on {} {}: {}", request.getMethod(), request.getRequestURI(), exception.getMessage());
        ResponseEntity<Object> response =
                respond(request, HttpStatus.SERVICE_UNAVAILABLE, "database-busy", new Object[0], List.of());
        return ResponseEntity.status(response.getStatusCode())
                .headers(response.getHeaders())
                .header("Retry-After", "2")
                .body(response.getBody());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception exception, HttpServletRequest request) {
        String incident = UUID.randomUUID().toString().substring(0, 8);
        log.error("Incident {} on {} {}", incident, request.getMethod(), request.getRequestURI(), exception);
        return respond(request, HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", new Object[] {incident}, List.of());
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleExceptionInternal(
            Exception exception,
            @Nullable Object body,
            HttpHeaders headers,
            HttpStatusCode statusCode,
            WebRequest webRequest) {
        HttpServletRequest request = ((NativeWebRequest) webRequest).getNativeRequest(HttpServletRequest.class);
        HttpStatus status = HttpStatus.valueOf(statusCode.value());
        List<FieldProblem> fields = List.of();
        String code;
        Object[] arguments = new Object[0];
        switch (exception) {
            case MethodArgumentNotValidException invalid -> {
                code = "validation-failed";
                fields = fieldProblems(invalid);
            }
            case BindException invalid -> {
                code = "validation-failed";
                fields = invalid.getFieldErrors().stream()
                        .map(e -> new FieldProblem(e.getField(), String.valueOf(e.getDefaultMessage())))
                        .toList();
            }
            case HandlerMethodValidationException invalid -> {
                code = "validation-failed";
                fields = invalid.getParameterValidationResults().stream()
                        .flatMap(r -> r.getResolvableErrors().stream()
                                .map(e -> new FieldProblem(
                                        String.valueOf(r.getMethodParameter().getParameterName()),
                                        String.valueOf(e.getDefaultMessage()))))
                        .toList();
            }
            case HttpMessageNotReadableException unreadable -> {
                UnreadableBody unread = UnreadableBody.of(unreadable);
                code = unread.code();
                arguments = unread.arguments();
                String message = problems.message(request, "problem." + code, unread.arguments());
                fields = unread.fields().stream()
                        .map(field -> new FieldProblem(field.field(), message))
                        .toList();
            }
            case MissingServletRequestParameterException missing -> {
                code = "missing-parameter";
                arguments = new Object[] {missing.getParameterName()};
            }
            case MethodArgumentTypeMismatchException mismatch -> {
                code = "invalid-parameter";
                arguments = new Object[] {mismatch.getName()};
            }
            case HttpRequestMethodNotSupportedException unsupported -> {
                code = "method-not-allowed";
                arguments = new Object[] {unsupported.getMethod()};
            }
            case HttpMediaTypeNotSupportedException unsupported -> code = "unsupported-media-type";
            case HttpMediaTypeNotAcceptableException unacceptable -> code = "not-acceptable";
            case NoResourceFoundException notFound -> code = "not-found";
            default -> code = status.is4xxClientError() ? "bad-request" : "internal-error";
        }
        if (status.is5xxServerError()) {
            log.error("Server error on {}", request.getRequestURI(), exception);
        }
        Map<String, Object> problem = problems.body(request, status, code, arguments, fields);
        HttpHeaders responseHeaders = new HttpHeaders();
        responseHeaders.addAll(headers);
        responseHeaders.setContentType(Problems.PROBLEM_JSON);
        return new ResponseEntity<>(problem, responseHeaders, status);
    }

    private List<FieldProblem> fieldProblems(MethodArgumentNotValidException invalid) {
        return invalid.getBindingResult().getFieldErrors().stream()
                .map(e -> new FieldProblem(e.getField(), String.valueOf(e.getDefaultMessage())))
                .toList();
    }

    private ResponseEntity<Object> respond(
            HttpServletRequest request, HttpStatus status, String code, Object[] arguments, List<FieldProblem> fields) {
        Map<String, Object> body = problems.body(request, status, code, arguments, fields);
        return ResponseEntity.status(status).contentType(Problems.PROBLEM_JSON).body(body);
    }
}
