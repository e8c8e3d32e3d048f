package org.needlepoint.ui;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import org.needlepoint.common.Changes;

/**
 * Where each feature registers its screens (its {@code *Views} class): the factories that hand
 * controllers their services, the cards it adds to the Today screen, and the tabs it adds to the
 * Admin section. The window asks for them by controller class; an unregistered controller is an
 * error at load time ({@link ViewLoader}).
 */
public final class Screens {
    /** A tab of the Admin section: its fx:id, title, Ikonli icon literal and controller; lower {@code order} comes first. */
    public record AdminTabEntry(int order, String id, String title, String icon, Class<? extends AdminTab> controller) {
    }

    private record CardEntry(int order, Class<? extends TodayCard> controller) {
    }

    private final ViewLoader loader;
    private final List<CardEntry> cards = new ArrayList<>();
    private final List<AdminTabEntry> adminTabs = new ArrayList<>();
    private Changes changes = Changes.NONE;

    public Screens(ViewLoader loader) {
        this.loader = loader;
    }

    public ViewLoader loader() {
        return loader;
    }

    /** The changes to the shared records that the screens' lists follow ({@link LiveRefresh}); none until set. */
    public Screens follow(Changes feed) {
        this.changes = java.util.Objects.requireNonNull(feed);
        return this;
    }

    /** What the screens' lists follow to refresh by themselves ({@link Changes#NONE} when nothing was set). */
    public Changes changes() {
        return changes;
    }

    /** Registers the factory of a controller: {@code factory} builds it, with its services, each time its view loads. */
    public <C> Screens register(Class<C> controller, Supplier<? extends C> factory) {
        loader.register(controller, factory);
        return this;
    }

    /** Adds a registered controller's view as a card on the Today screen, in {@code order}. */
    public Screens todayCard(int order, Class<? extends TodayCard> controller) {
        cards.add(new CardEntry(order, controller));
        return this;
    }

    /** Adds a registered controller's view as a tab of the Admin section, in {@code order}. */
    public Screens adminTab(int order, String id, String title, String icon, Class<? extends AdminTab> controller) {
        adminTabs.add(new AdminTabEntry(order, id, title, icon, controller));
        return this;
    }

    public List<Class<? extends TodayCard>> todayCards() {
        return cards.stream().sorted(Comparator.comparingInt(CardEntry::order)).<Class<? extends TodayCard>>map(CardEntry::controller)
                .toList();
    }

    public List<AdminTabEntry> adminTabs() {
        return adminTabs.stream().sorted(Comparator.comparingInt(AdminTabEntry::order)).toList();
    }

    public <C> View<C> load(Class<C> controller) {
        return loader.load(controller);
    }
}
