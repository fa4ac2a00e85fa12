package io.sangdam.contact.demo;

import io.sangdam.contact.CustomerGrade;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** What the demo customers and categories write; contact implements it over its own tables. */
public interface DemoContactStore {

    long customerCount();

    void addCustomer(
            String customerNumber,
            String name,
            @Nullable String mobilePhone,
            @Nullable String email,
            LocalDate birthDate,
            CustomerGrade grade,
            boolean senior,
            boolean accessibility);

    boolean hasCategories();

    /** Adds a category under {@code parent} (none for a top-level one); returns its id. */
    long addCategory(@Nullable Long parent, int level, String code, String korean, String english);
}
