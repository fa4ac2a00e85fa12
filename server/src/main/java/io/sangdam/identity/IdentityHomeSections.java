package io.sangdam.identity;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Identity's own parts of the home page: who you are, your people, your centers, your duties. */
@Configuration(proxyBeanMethods = false)
class IdentityHomeSections {

    private static final String TEMPLATE = "identity/home-sections";

    record CenterRow(Center center, long agents, long supervisors, long total) {}

    record TeamRow(String team, List<StaffMember> members) {}

    @Bean
    HomeSection myAccountSection(Centers centers, Accounts accounts, Clock clock) {
        return new Section(0, user -> true, user -> {
            Center center = centers.find(user.centerId()).orElseThrow();
            Account account = accounts.find(user.id()).orElseThrow();
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("user", user);
            model.put("center", center);
            model.put("team", account.team() == null ? "" : account.team());
            model.put("roles", user.roles().stream().sorted().toList());
            model.put(
                    "localTime",
                    ZonedDateTime.now(clock.withZone(center.timeZone())).toLocalDateTime());
            model.put(
                    "passwordChangedAt",
                    account.passwordChangedAt().atZone(center.timeZone()).toLocalDate());
            model.put("seesAllCenters", user.seesAllCenters());
            return new HomeSectionView(TEMPLATE, "account", model);
        });
    }

    @Bean
    HomeSection centersSection(Centers centers, Accounts accounts) {
        return new Section(10, CurrentUser::seesAllCenters, user -> {
            var counts = accounts.countsByCenterAndRole();
            var enabled = accounts.enabledPerCenter();
            List<CenterRow> rows = new ArrayList<>();
            for (Center center : centers.all()) {
                var byRole = counts.getOrDefault(center.id(), Map.of());
                long total = enabled.getOrDefault(center.id(), 0L);
                rows.add(new CenterRow(
                        center, byRole.getOrDefault(Role.AGENT, 0L), byRole.getOrDefault(Role.SUPERVISOR, 0L), total));
            }
            return new HomeSectionView(
                    TEMPLATE,
                    "centers",
                    Map.of(
                            "rows",
                            rows,
                            "agents",
                            rows.stream().mapToLong(CenterRow::agents).sum()));
        });
    }

    @Bean
    HomeSection teamSection(Accounts accounts) {
        return new Section(
                20,
                user -> !user.seesAllCenters()
                        && user.hasAny(Role.SUPERVISOR, Role.CENTER_MANAGER, Role.QA_EVALUATOR, Role.WFM_PLANNER),
                user -> {
                    Account me = accounts.find(user.id()).orElseThrow();
                    List<Account> people = accounts.inCenter(user.centerId()).stream()
                            .filter(Account::enabled)
                            .toList();
                    boolean ownTeamOnly =
                            user.has(Role.SUPERVISOR) && !user.has(Role.CENTER_MANAGER) && me.team() != null;
                    Map<String, List<StaffMember>> byTeam = people.stream()
                            .filter(a -> a.team() != null && a.roles().contains(Role.AGENT))
                            .filter(a -> !ownTeamOnly || Objects.equals(a.team(), me.team()))
                            .collect(Collectors.groupingBy(
                                    Account::team,
                                    java.util.TreeMap::new,
                                    Collectors.mapping(Account::asStaffMember, Collectors.toList())));
                    List<TeamRow> teams = byTeam.entrySet().stream()
                            .map(e -> new TeamRow(e.getKey(), e.getValue()))
                            .toList();
                    List<StaffMember> leaders = people.stream()
                            .filter(a -> a.roles().contains(Role.SUPERVISOR))
                            .map(Account::asStaffMember)
                            .sorted(Comparator.comparing(
                                    StaffMember::team, Comparator.nullsFirst(Comparator.naturalOrder())))
                            .toList();
                    return new HomeSectionView(
                            TEMPLATE,
                            "teams",
                            Map.of(
                                    "teams",
                                    teams,
                                    "leaders",
                                    leaders,
                                    "ownTeamOnly",
                                    ownTeamOnly,
                                    "myTeam",
                                    me.team() == null ? "" : me.team(),
                                    "agentCount",
                                    teams.stream()
                                            .mapToInt(t -> t.members().size())
                                            .sum()));
                });
    }

    @Bean
    HomeSection administrationSection(Accounts accounts, Clock clock) {
        return new Section(30, user -> user.has(Role.ADMINISTRATOR), user -> {
            var totals = accounts.totals(clock.instant());
            return new HomeSectionView(
                    TEMPLATE,
                    "administration",
                    Map.of("total", totals.accounts(), "disabled", totals.disabled(), "locked", totals.locked()));
        });
    }

    @Bean
    HomeSection accessReviewSection(AccessLog log, Clock clock) {
        return new Section(40, user -> user.has(Role.PROTECTION_TEAM), user -> {
            ZoneId seoul = ZoneId.of("Asia/Seoul");
            Instant monthStart = LocalDate.now(clock.withZone(seoul))
                    .withDayOfMonth(1)
                    .atStartOfDay(seoul)
                    .toInstant();
            return new HomeSectionView(
                    TEMPLATE,
                    "accessReview",
                    Map.of(
                            "counts", log.countsByTaskSince(monthStart),
                            "heaviest", log.heaviestUsersSince(monthStart, 5)));
        });
    }

    /** A home section made of two functions; enough for sections without their own dependencies. */
    record Section(
            int order,
            java.util.function.Predicate<CurrentUser> audience,
            java.util.function.Function<CurrentUser, HomeSectionView> render)
            implements HomeSection {

        @Override
        public boolean shownTo(CurrentUser user) {
            return audience.test(user);
        }

        @Override
        public HomeSectionView view(CurrentUser user) {
            return render.apply(user);
        }
    }
}
