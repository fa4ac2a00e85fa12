/**
 * Emotional-labour protection (감정노동 보호, 산업안전보건법 제41조): abusive messages detected
 * before the agent reads them, the warning sequence, the agent's right to end the contact, and the
 * incident record. Detection itself is engine/'s (rules over a Korean-aware normaliser).
 */
@ApplicationModule(
        displayName = "Protection",
        allowedDependencies = {"platform", "identity"})
@NullMarked
package io.sangdam.protection;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
