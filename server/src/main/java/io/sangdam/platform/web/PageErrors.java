package io.sangdam.platform.web;

import io.sangdam.platform.RequestRejected;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** A rejected request on a page shows the reason on Sangdam's error page, in the user's language. */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageErrors {

    @ExceptionHandler(RequestRejected.class)
    ModelAndView rejected(RequestRejected rejected, HttpServletResponse response) {
        response.setStatus(rejected.status().value());
        var page = new ModelAndView("error");
        page.setStatus(rejected.status());
        page.addObject("status", rejected.status().value());
        page.addObject("messageKey", "problem." + rejected.code());
        page.addObject("messageArguments", rejected.arguments());
        return page;
    }
}
