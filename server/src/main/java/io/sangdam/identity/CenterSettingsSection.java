package io.sangdam.identity;

/**
 * A part of the center-settings page ({@code /centers/settings}) a module contributes: the settings
 * of one center that module owns. The page belongs to identity (it knows the centers and who may
 * see them); each module implements this with its own fragment, model and write endpoint, so the
 * page never depends on the modules that fill it, and a module's rules stay in the module.
 *
 * <p>A section's forms post to the module's own endpoint, which answers with {@link
 * CenterSettingsOutcome} so the page comes back at that section saying what happened.
 */
public interface CenterSettingsSection {

    /** The section's anchor on the page ({@code #id}) and the name its outcomes are reported under. */
    String id();

    /** Sections are shown in ascending order. */
    int order();

    /** The message key of the section's heading. */
    String titleKey();

    boolean shownTo(CurrentUser user);

    /** The section's fragment and model for this center (one the user may see, never headquarters). */
    CenterSettingsView view(CurrentUser user, Center center);
}
