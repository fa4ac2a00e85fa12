package io.sangdam.engine.protection;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The verdict on one message: abusive when there is at least one finding. Findings ordered by
 * start.
 */
public record Detection(List<Finding> findings) {

    private static final Detection CLEAN = new Detection(List.of());

    public Detection {
        findings = List.copyOf(findings);
    }

    public static Detection clean() {
        return CLEAN;
    }

    public boolean abusive() {
        return !findings.isEmpty();
    }

    public Set<AbuseCategory> categories() {
        Set<AbuseCategory> categories = EnumSet.noneOf(AbuseCategory.class);
        for (Finding finding : findings) {
            categories.add(finding.category());
        }
        return categories;
    }

    public Optional<Severity> highestSeverity() {
        return findings.stream().map(Finding::severity).max(Enum::compareTo);
    }
}
