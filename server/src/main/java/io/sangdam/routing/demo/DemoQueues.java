package io.sangdam.routing.demo;

import io.sangdam.identity.Center;
import io.sangdam.identity.CenterDirectory;
import io.sangdam.platform.ModuleInitializer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * Demo queues for every partner center, one per team specialty, so the ACD has work to route.
 * Runs on the started event, before the application is ready, when routing starts an engine per
 * center that has queues. The queues name skills by code, so they do not need {@link DemoSkills} first.
 */
@Component
@ConditionalOnBooleanProperty(name = "sangdam.demo.enabled", matchIfMissing = true)
class DemoQueues implements ModuleInitializer {

    private final DemoRoutingStore queues;
    private final CenterDirectory centers;

    DemoQueues(DemoRoutingStore queues, CenterDirectory centers) {
        this.queues = queues;
        this.centers = centers;
    }

    @Override
    public void initialize() {
        if (queues.hasQueues()) {
            return;
        }
        for (Center center : centers.all()) {
            if (center.isHeadquarters()) {
                continue;
            }
            queues.addQueue(center.id(), "BILLING", "요금·납부 문의", "Billing and payment", "CHAT", "BILLING", 3, 30);
            queues.addQueue(center.id(), "RETENTION", "해지·해지방어", "Cancellation", "CHAT", "RETENTION", 3, 60);
            queues.addQueue(center.id(), "TECH", "기술지원", "Technical support", "CHAT", "TECH", 3, 60);
            queues.addQueue(center.id(), "VIP", "VIP 전담", "VIP desk", "CHAT", "VIP", 5, 30);
        }
    }
}
