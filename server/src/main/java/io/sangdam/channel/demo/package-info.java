/**
 * Demo quick replies for the demo organisation's partner centers, created when {@code
 * sangdam.demo.enabled} is on and no center has any. Writes through {@link
 * io.sangdam.channel.demo.DemoQuickReplyStore}, which channel implements over its table; runs as an
 * {@link io.sangdam.platform.ModuleInitializer}, after identity's demo data.
 */
@NullMarked
package io.sangdam.channel.demo;

import org.jspecify.annotations.NullMarked;
