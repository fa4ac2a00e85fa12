/**
 * Customers, matching a contact to its customer, and the consultation record (상담 이력: category,
 * notes, disposition, transcript). Personal data leaves this module masked by the one text masker;
 * unmasking needs a reason and is logged.
 */
@ApplicationModule(
        displayName = "Contact",
        allowedDependencies = {"platform", "identity"})
@NullMarked
package io.sangdam.contact;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
