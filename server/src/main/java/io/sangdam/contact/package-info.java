/**
 * Customers and, in later steps, their contacts on every channel and the consultation record
 * (상담 이력). Personal data leaves this module masked; unmasking needs a reason and is logged.
 */
@ApplicationModule(displayName = "Contact", allowedDependencies = {"platform", "identity"})
@NullMarked
package io.sangdam.contact;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
