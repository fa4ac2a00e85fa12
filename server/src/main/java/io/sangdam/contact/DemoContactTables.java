package io.sangdam.contact;

import io.sangdam.contact.demo.DemoContactStore;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/** The demo customers' and categories' writes, on contact's tables (the demo sub-package cannot see them). */
@Component
@ConditionalOnBooleanProperty(name = "sangdam.demo.enabled", matchIfMissing = true)
class DemoContactTables implements DemoContactStore {

    private final Customers customers;
    private final ConsultationRecords records;

    DemoContactTables(Customers customers, ConsultationRecords records) {
        this.customers = customers;
        this.records = records;
    }

    @Override
    public long customerCount() {
        return customers.count();
    }

    @Override
    public void addCustomer(
            String customerNumber,
            String name,
            @Nullable String mobilePhone,
            @Nullable String email,
            LocalDate birthDate,
            CustomerGrade grade,
            boolean senior,
            boolean accessibility) {
        customers.add(
                new Customer(0, customerNumber, name, mobilePhone, email, birthDate, grade, senior, accessibility));
    }

    @Override
    public boolean hasCategories() {
        return records.hasCategories();
    }

    @Override
    public long addCategory(@Nullable Long parent, int level, String code, String korean, String english) {
        return records.addCategory(parent, level, code, korean, english);
    }
}
