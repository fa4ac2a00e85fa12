package io.sangdam.routing;

import io.sangdam.identity.Center;
import io.sangdam.identity.CenterDirectory;
import io.sangdam.routing.runtime.RoutingHost;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo queues for every partner center, one per team specialty, so the ACD has work to route.
 * Runs before the application is ready, when {@link RoutingHost} starts an engine per center.
 */
@Component
@Order(250)
@ConditionalOnBooleanProperty(name = "sangdam.demo.enabled", matchIfMissing = true)
class DemoQueues implements ApplicationRunner {

    private final RoutingQueues queues;
    private final CenterDirectory centers;

    DemoQueues(RoutingQueues queues, CenterDirectory centers) {
        this.queues = queues;
        this.centers = centers;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        if (!queues.isEmpty()) {
            return;
        }
        for (Center center : centers.all()) {
            if (center.isHeadquarters()) {
                continue;
            }
            queues.add(center.id(), "BILLING", "요금·납부 문의", "Billing and payment", "CHAT", "BILLING", 3, 30);
            queues.add(center.id(), "RETENTION", "해지·해지방어", "Cancellation", "CHAT", "RETENTION", 3, 60);
            queues.add(center.id(), "TECH", "기술지원", "Technical support", "CHAT", "TECH", 3, 60);
            queues.add(center.id(), "VIP", "VIP 전담", "VIP desk", "CHAT", "VIP", 5, 30);
        }
    }
}
