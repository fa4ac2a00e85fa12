package io.sangdam.protection;

import io.sangdam.identity.AccessTask;
import io.sangdam.identity.Center;
import io.sangdam.identity.CenterDirectory;
import io.sangdam.identity.CurrentUser;
import io.sangdam.identity.CurrentUsers;
import io.sangdam.identity.DataSubject;
import io.sangdam.identity.DataSubjectType;
import io.sangdam.identity.PersonalDataAccess;
import io.sangdam.platform.RequestRejected;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/** Abusive contacts: the protection team sees every center, a center manager or supervisor their own. */
@Controller
@PreAuthorize("hasAnyRole('PROTECTION_TEAM', 'CENTER_MANAGER', 'SUPERVISOR')")
class IncidentPages {

    private final Incidents incidents;
    private final CenterDirectory centers;
    private final CurrentUsers currentUsers;
    private final JsonMapper json;
    private final Clock clock;
    private final EvidencePack evidence;
    private final PersonalDataAccess access;
    private final List<Transcripts> transcripts;

    IncidentPages(
            Incidents incidents,
            CenterDirectory centers,
            CurrentUsers currentUsers,
            JsonMapper json,
            Clock clock,
            EvidencePack evidence,
            PersonalDataAccess access,
            List<Transcripts> transcripts) {
        this.evidence = evidence;
        this.access = access;
        this.transcripts = transcripts;
        this.incidents = incidents;
        this.centers = centers;
        this.currentUsers = currentUsers;
        this.json = json;
        this.clock = clock;
    }

    /**
     * The evidence pack of one incident as PDF, for legal action. It carries the (masked) transcript
     * of a customer, so it is an export of personal data: logged with the user's reason.
     */
    @PostMapping("/incidents/{conversation}/evidence")
    @PreAuthorize("hasAnyRole('PROTECTION_TEAM', 'CENTER_MANAGER')")
    ResponseEntity<byte[]> evidence(
            @PathVariable String conversation, @RequestParam(required = false) @Nullable String reason, Locale locale) {
        CurrentUser user = currentUsers.require();
        Incidents.Incident incident = incidents
                .find(conversation)
                .orElseThrow(() -> RequestRejected.notFound("unknown-incident", conversation));
        Center center = centers.visibleTo(user, incident.centerId());
        access.record(
                new DataSubject(DataSubjectType.CONVERSATION, conversation, incident.customer()),
                AccessTask.EXPORT,
                reason);
        List<Transcripts.Line> transcript = transcripts.stream()
                .map(t -> t.of(conversation))
                .filter(l -> !l.isEmpty())
                .findFirst()
                .orElse(List.of());
        byte[] pdf = evidence.render(new EvidencePack.Contents(
                center,
                incident,
                transcript,
                incidents.warnings(conversation),
                incidents.endedAt(conversation).orElse(null),
                user.username(),
                clock.instant(),
                locale));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("evidence-" + conversation + ".pdf")
                                .build()
                                .toString())
                .body(pdf);
    }

    @GetMapping("/incidents")
    String list(Model model) {
        CurrentUser user = currentUsers.require();
        Long scope = user.seesAllCenters() ? null : user.centerId();
        Map<Long, String> names = centers.all().stream().collect(Collectors.toMap(Center::id, Center::name));
        var counts = incidents.countsSince(clock.instant().minus(Duration.ofDays(30))).stream()
                .filter(c -> scope == null || c.centerId() == scope)
                .toList();
        model.addAttribute("incidents", incidents.recent(scope, 100));
        model.addAttribute("canRegister", user.has(io.sangdam.identity.Role.PROTECTION_TEAM));
        model.addAttribute(
                "canExport",
                user.hasAny(io.sangdam.identity.Role.PROTECTION_TEAM, io.sangdam.identity.Role.CENTER_MANAGER));
        model.addAttribute("centerNames", names);
        model.addAttribute("counts", counts);
        model.addAttribute(
                "countsJson",
                json.writeValueAsString(counts.stream()
                        .map(c -> Map.of(
                                "center",
                                names.getOrDefault(c.centerId(), String.valueOf(c.centerId())),
                                "category",
                                c.category(),
                                "incidents",
                                c.incidents()))
                        .toList()));
        return "protection/incidents";
    }
}
