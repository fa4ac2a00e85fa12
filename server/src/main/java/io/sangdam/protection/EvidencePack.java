package io.sangdam.protection;

import io.sangdam.identity.Center;
import io.sangdam.platform.RequestRejected;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * The evidence pack of an abusive contact, for legal action (산업안전보건법 제41조: the employer
 * supports the worker's legal steps): the transcript as stored (masked) with times, the flagged
 * words, the warnings sent and when, and whether the agent ended the contact. A PDF with the
 * Korean font embedded (NanumGothic, SIL Open Font License), so it reads the same anywhere.
 */
@Service
class EvidencePack {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private static final float MARGIN = 50;
    private static final float SIZE = 10;
    private static final float LEADING = 14;

    record Contents(
            Center center,
            Incidents.Incident incident,
            List<Transcripts.Line> transcript,
            List<Incidents.Warning> warnings,
            @org.jspecify.annotations.Nullable Instant endedAt,
            String exportedBy,
            Instant exportedAt,
            Locale locale) {}

    private final MessageSource messages;
    private final Path font;

    EvidencePack(
            MessageSource messages,
            @Value("${sangdam.protection.evidence-font:/usr/share/fonts/truetype/nanum/NanumGothic.ttf}") Path font) {
        this.messages = messages;
        this.font = font;
    }

    byte[] render(Contents contents) {
        if (!Files.isReadable(font)) {
            throw new RequestRejected(HttpStatus.SERVICE_UNAVAILABLE, "evidence-font-missing", font.toString());
        }
        try (PDDocument document = new PDDocument()) {
            PDType0Font korean = PDType0Font.load(document, font.toFile());
            Writer writer = new Writer(document, korean);
            write(contents, writer);
            writer.close();
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(text(contents.locale(), "evidence.title") + " "
                    + contents.incident().conversation());
            info.setAuthor(contents.exportedBy());
            info.setCreator("Sangdam");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(Contents c, Writer w) throws IOException {
        Locale l = c.locale();
        ZoneId zone = c.center().timeZone();
        Incidents.Incident incident = c.incident();
        w.line(text(l, "evidence.title"), 16);
        w.gap();
        w.line(text(l, "evidence.center") + ": " + c.center().name(), SIZE);
        w.line(text(l, "evidence.conversation") + ": " + incident.conversation(), SIZE);
        w.line(text(l, "evidence.agent") + ": " + nullToDash(incident.agent()), SIZE);
        w.line(text(l, "evidence.customer") + ": " + nullToDash(incident.customer()), SIZE);
        w.line(
                text(l, "evidence.categories") + ": " + categories(l, incident.categories()) + " / "
                        + text(l, "evidence.severity") + ": " + incident.highestSeverity(),
                SIZE);
        w.line(text(l, "evidence.flagged") + ": " + incident.flaggedMessages(), SIZE);
        w.line(
                text(l, "evidence.ended") + ": "
                        + (c.endedAt() == null
                                ? text(l, "evidence.ended.no")
                                : text(l, "evidence.ended.yes") + " ("
                                        + TIME.format(c.endedAt().atZone(zone)) + ")"),
                SIZE);
        w.line(
                text(l, "evidence.exported") + ": " + c.exportedBy() + ", "
                        + TIME.format(c.exportedAt().atZone(zone)) + " (" + zone + ")",
                SIZE);
        w.line(text(l, "evidence.masked-note"), 8);
        w.gap();

        w.line(text(l, "evidence.warnings") + " (" + c.warnings().size() + ")", 12);
        if (c.warnings().isEmpty()) {
            w.line(text(l, "evidence.none"), SIZE);
        }
        for (Incidents.Warning warning : c.warnings()) {
            w.line(
                    TIME.format(warning.sentAt().atZone(zone)) + "  "
                            + text(l, "evidence.warning-level", warning.level()) + "  " + warning.agent(),
                    SIZE);
        }
        w.gap();

        w.line(text(l, "evidence.transcript") + " (" + c.transcript().size() + ")", 12);
        if (c.transcript().isEmpty()) {
            w.line(text(l, "evidence.none"), SIZE);
        }
        for (Transcripts.Line line : c.transcript()) {
            w.paragraph(TIME.format(line.at().atZone(zone)) + "  [" + text(l, "evidence.sender." + line.sender())
                    + "]  " + line.body());
            for (Transcripts.Flag flag : line.flags()) {
                String words = flag.start() >= 0 && flag.end() <= line.body().length() && flag.start() < flag.end()
                        ? line.body().substring(flag.start(), flag.end())
                        : "";
                w.paragraph("      " + text(l, "evidence.flag") + ": \"" + words + "\"  " + category(l, flag.category())
                        + ", " + flag.severity());
            }
        }
    }

    private String categories(Locale locale, String categories) {
        List<String> names = new ArrayList<>();
        for (String category : categories.split(",")) {
            if (!category.isBlank()) {
                names.add(category(locale, category));
            }
        }
        return String.join(", ", names);
    }

    private String category(Locale locale, String category) {
        return messages.getMessage("incidents.category." + category, null, category, locale) + " (" + category + ")";
    }

    private String text(Locale locale, String key, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }

    private static String nullToDash(@org.jspecify.annotations.Nullable String value) {
        return value == null || value.isBlank() ? "-" : value;
    }

    /** Lines onto A4 pages, wrapped to the width, a new page when one is full. */
    private static final class Writer {

        private final PDDocument document;
        private final PDType0Font font;
        private final Map<Integer, Boolean> printable = new HashMap<>();
        private PDPageContentStream stream;
        private float y;

        Writer(PDDocument document, PDType0Font font) throws IOException {
            this.document = document;
            this.font = font;
            newPage();
        }

        void gap() {
            y -= LEADING / 2;
        }

        void paragraph(String text) throws IOException {
            for (String part : text.split("\r?\n", -1)) {
                line(part, SIZE);
            }
        }

        void line(String text, float size) throws IOException {
            String clean = printable(text);
            float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
            int start = 0;
            do {
                int end = fit(clean, start, size, width);
                show(clean.substring(start, end), size);
                start = end;
            } while (start < clean.length());
        }

        void close() throws IOException {
            stream.close();
        }

        private int fit(String text, int start, float size, float width) throws IOException {
            int end = start;
            while (end < text.length()) {
                int next = end + Character.charCount(text.codePointAt(end));
                if (font.getStringWidth(text.substring(start, next)) / 1000 * size > width && end > start) {
                    break;
                }
                end = next;
            }
            return end;
        }

        private void show(String text, float size) throws IOException {
            float leading = Math.max(LEADING, size * 1.4f);
            if (y - leading < MARGIN) {
                stream.close();
                newPage();
            }
            y -= leading;
            stream.beginText();
            stream.setFont(font, size);
            stream.newLineAtOffset(MARGIN, y);
            stream.showText(text);
            stream.endText();
        }

        private void newPage() throws IOException {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            stream = new PDPageContentStream(document, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        /** Characters the font cannot draw (emoji, controls) become '?' instead of failing the export. */
        private String printable(String text) {
            StringBuilder out = new StringBuilder(text.length());
            text.codePoints().forEach(cp -> {
                boolean ok = printable.computeIfAbsent(cp, this::drawable);
                if (ok) {
                    out.appendCodePoint(cp);
                } else if (!Character.isISOControl(cp)) {
                    out.append('?');
                }
            });
            return out.toString();
        }

        private boolean drawable(int codePoint) {
            if (Character.isISOControl(codePoint) || Character.getType(codePoint) == Character.FORMAT) {
                return false;
            }
            try {
                font.encode(new String(Character.toChars(codePoint)));
                return true;
            } catch (IllegalArgumentException | IOException | IllegalStateException missing) {
                return false;
            }
        }
    }
}
