package io.sangdam.contact.demo;

import io.sangdam.contact.CustomerGrade;
import io.sangdam.platform.KoreanNames;
import io.sangdam.platform.ModuleInitializer;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo customers with valid-format but fictitious personal data: 010 mobile numbers, addresses at
 * example.com (reserved for examples, so no mail can reach anyone), birth dates from 1940 to 2005.
 */
@Component
@ConditionalOnBooleanProperty(name = "sangdam.demo.enabled", matchIfMissing = true)
class DemoCustomers implements ModuleInitializer {

    static final int COUNT = 3000;
    private static final long SEED = 20261125L;
    private static final Logger log = LoggerFactory.getLogger(DemoCustomers.class);

    private final DemoContactStore customers;
    private final TransactionTemplate transaction;

    DemoCustomers(DemoContactStore customers, TransactionTemplate transaction) {
        this.customers = customers;
        this.transaction = transaction;
    }

    @Override
    public void initialize() {
        if (customers.customerCount() > 0) {
            return;
        }
        transaction.executeWithoutResult(status -> create());
        log.info("Created {} demo customers", COUNT);
    }

    private void create() {
        var random = new Random(SEED);
        var names = new KoreanNames(SEED);
        Set<String> phones = new HashSet<>();
        LocalDate today = LocalDate.of(2026, 1, 1);
        for (int i = 1; i <= COUNT; i++) {
            String phone;
            do {
                phone = "010-%04d-%04d".formatted(2000 + random.nextInt(8000), random.nextInt(10000));
            } while (!phones.add(phone));
            LocalDate birth = LocalDate.of(1940 + random.nextInt(66), 1 + random.nextInt(12), 1 + random.nextInt(28));
            int roll = random.nextInt(100);
            CustomerGrade grade = roll < 2 ? CustomerGrade.VVIP : roll < 8 ? CustomerGrade.VIP : CustomerGrade.NORMAL;
            boolean senior = birth.plusYears(65).isBefore(today);
            boolean accessibility = random.nextInt(100) < 2;
            customers.addCustomer(
                    "C%07d".formatted(i),
                    names.next(),
                    random.nextInt(20) == 0 ? null : phone,
                    random.nextInt(4) == 0 ? null : "customer%04d@example.com".formatted(i),
                    birth,
                    grade,
                    senior,
                    accessibility);
        }
    }
}
