package io.sangdam.platform.web;

import io.sangdam.platform.Problems;
import io.sangdam.platform.RequestRejected;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.ModelAndView;

/**
 * A rejected request on a page shows the reason on Sangdam's error page, in the user's language.
 * A page's own data calls ({@code @ResponseBody} methods of a page controller, such as the board's
 * actions) get problem details instead, which their script shows.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageErrors {

    private final Problems problems;

    PageErrors(Problems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(RequestRejected.class)
    @Nullable
    ModelAndView rejected(
            RequestRejected rejected, HandlerMethod handler, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (rejected.asksToRetryLater()) {
            response.setHeader("Retry-After", Long.toString(rejected.retryAfterSeconds()));
        }
        if (handler.hasMethodAnnotation(ResponseBody.class)
                || AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), ResponseBody.class)) {
            problems.write(request, response, rejected.status(), rejected.code(), rejected.arguments());
            return null;
        }
        response.setStatus(rejected.status().value());
        var page = new ModelAndView("error");
        page.setStatus(rejected.status());
        page.addObject("status", rejected.status().value());
        page.addObject("messageKey", "problem." + rejected.code());
        page.addObject("messageArguments", rejected.arguments());
        return page;
    }
}
