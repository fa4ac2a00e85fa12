/**
 * Who works here and where: centers, users with roles, sign-in, the home page each role lands on,
 * and the personal-data access log (개인정보 접속기록) every module writes to.
 */
@ApplicationModule(displayName = "Identity", allowedDependencies = "platform")
@NullMarked
package io.sangdam.identity;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
