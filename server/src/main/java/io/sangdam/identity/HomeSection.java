package io.sangdam.identity;

/**
 * A part of the home page a module contributes for the users it serves. The home page belongs to
 * identity (it knows who signed in); each module implements this to show what that user can do
 * with the module now, so identity never depends on the modules that fill its page.
 */
public interface HomeSection {

    /** Sections are shown in ascending order. */
    int order();

    boolean shownTo(CurrentUser user);

    HomeSectionView view(CurrentUser user);
}
