package io.sangdam.platform.web;

import io.sangdam.platform.Problems;
import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * Errors raised before a request reaches the application: Tomcat refusing a request it cannot
 * parse ({@code %00} in the path, a request line or headers beyond the limit) and Spring
 * Security's firewall refusing a suspicious path. Both used to answer with an HTML page of their
 * own; they now answer problem details like everything else.
 *
 * <p>Tomcat's refusals never reach the application's context, so they cannot use {@link
 * ErrorPages}: Tomcat's host writes them through its error report valve, replaced here by one that
 * writes problem details, in Korean or, when the request asks for it, English.
 */
@Configuration(proxyBeanMethods = false)
class ContainerErrors {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemDetailsForContainerErrors(
            MessageSource messages, JsonMapper json) {
        return factory -> factory.addContextCustomizers(context -> context.addLifecycleListener(event -> {
            if (org.apache.catalina.Lifecycle.BEFORE_START_EVENT.equals(event.getType())
                    && context.getParent() instanceof StandardHost host) {
                for (Valve valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve && !(valve instanceof ProblemReport)) {
                        host.getPipeline().removeValve(valve);
                    }
                }
                host.setErrorReportValveClass(ProblemReport.class.getName());
                host.getPipeline().addValve(new ProblemReport(messages, json));
            }
        }));
    }

    /** The firewall's refusals ({@code //}, {@code ;}, encoded slashes, …) as a 400 with a code. */
    @Bean
    RequestRejectedHandler problemDetailsForRejectedRequests(Problems problems) {
        return (request, response, rejected) -> {
            if (Problems.isApi(request) || request.getRequestURI().startsWith("/chat/api/")) {
                problems.write(request, response, HttpStatus.BAD_REQUEST, "rejected-request");
            } else {
                response.sendError(HttpStatus.BAD_REQUEST.value());
            }
        };
    }

    /** Tomcat's error report, as problem details. Never a stack trace, never the server's version. */
    static final class ProblemReport extends ErrorReportValve {

        private final MessageSource messages;
        private final JsonMapper json;

        ProblemReport(MessageSource messages, JsonMapper json) {
            this.messages = messages;
            this.json = json;
            setShowReport(false);
            setShowServerInfo(false);
        }

        @Override
        protected void report(Request request, Response response, Throwable failure) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            var ioAllowed = new AtomicBoolean(false);
            response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
            if (!ioAllowed.get()) {
                return;
            }
            HttpStatus resolved = HttpStatus.resolve(status);
            String code = resolved == null || resolved.is5xxServerError()
                    ? "internal-error"
                    : switch (resolved) {
                        case REQUEST_HEADER_FIELDS_TOO_LARGE, URI_TOO_LONG, PAYLOAD_TOO_LARGE -> "payload-too-large";
                        case NOT_FOUND -> "not-found";
                        default -> "bad-request";
                    };
            Locale locale = english(request) ? Locale.ENGLISH : Locale.KOREAN;
            var body = new java.util.LinkedHashMap<String, Object>();
            body.put("type", "urn:sangdam:problem:" + code);
            body.put(
                    "title",
                    messages.getMessage(
                            "status." + status,
                            null,
                            resolved == null ? String.valueOf(status) : resolved.getReasonPhrase(),
                            locale));
            body.put("status", status);
            body.put("detail", messages.getMessage("problem." + code, new Object[] {"-"}, code, locale));
            body.put("code", code);
            try {
                response.setContentType(Problems.PROBLEM_JSON.toString());
                response.setCharacterEncoding("UTF-8");
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(json.writeValueAsString(body));
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException ignored) {
                // The client is gone or the response is already on its way: nothing left to tell.
            }
        }

        private static boolean english(Request request) {
            String language = request.getHeader("Accept-Language");
            return language != null && language.strip().toLowerCase(Locale.ROOT).startsWith("en");
        }
    }
}
