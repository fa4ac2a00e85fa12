package io.sangdam.platform.web;

import io.sangdam.platform.Problems;
import io.sangdam.platform.RequestRejected;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.ModelAndView;

/**
 * The last stop for errors that escaped everything else (unknown URLs, filter failures, container
 * errors): API paths answer problem details, pages a readable page. Never a stack trace.
 */
@Controller
class ErrorPages implements ErrorController {

    private final Problems problems;
    private final ErrorAttributes errors;

    ErrorPages(Problems problems, ErrorAttributes errors) {
        this.problems = problems;
        this.errors = errors;
    }

    @RequestMapping("/error")
    @Nullable
    ModelAndView error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpStatus status = statusOf(request);
        String code = codeFor(status);
        Object[] arguments = argumentsFor(status, errors.getError(new ServletWebRequest(request)));
        if (request.getAttribute(RequestTextFilter.REJECTED) instanceof RequestRejected rejected) {
            code = rejected.code();
            arguments = rejected.arguments();
        }
        if (Problems.isApi(request) || !acceptsHtml(request)) {
            problems.write(request, response, status, code, arguments);
            return null;
        }
        var page = new ModelAndView("error");
        page.setStatus(status);
        page.addObject("status", status.value());
        page.addObject("messageKey", "problem." + code);
        page.addObject("messageArguments", arguments);
        return page;
    }

    /**
     * The messages' arguments: a 405 names the method that was refused, which only the exception
     * still knows (the error dispatch is a GET); no other code here has arguments.
     */
    private static Object[] argumentsFor(HttpStatus status, @Nullable Throwable failure) {
        if (failure instanceof HttpRequestMethodNotSupportedException unsupported) {
            return new Object[] {unsupported.getMethod()};
        }
        return new Object[] {status == HttpStatus.METHOD_NOT_ALLOWED ? "" : "-"};
    }

    private static boolean acceptsHtml(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return accept == null || accept.contains("text/html") || accept.contains("*/*");
    }

    private static HttpStatus statusOf(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code instanceof Integer value) {
            HttpStatus status = HttpStatus.resolve(value);
            if (status != null) {
                return status;
            }
        }
        return HttpStatus.INTERNAL_SERVER_ERROR;
    }

    private static String codeFor(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "not-found";
            case FORBIDDEN -> "access-denied";
            case UNAUTHORIZED -> "unauthenticated";
            case METHOD_NOT_ALLOWED -> "method-not-allowed";
            case BAD_REQUEST -> "bad-request";
            case PAYLOAD_TOO_LARGE -> "payload-too-large";
            default -> status.is4xxClientError() ? "bad-request" : "internal-error";
        };
    }
}
