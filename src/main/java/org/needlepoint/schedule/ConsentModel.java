package org.needlepoint.schedule;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;

/**
 * The consent screen without a window: the texts offered (the current version of each kind), the
 * kinds ticked (those the treatment needs, to start with), and when signing is possible: something
 * ticked, something drawn, nothing under way. The texts the patient reads are the ones signed, by id,
 * even if an admin saves a newer version while the screen is open.
 */
public final class ConsentModel {
    /** A piece of a text as shown: a heading, a paragraph or a bullet. */
    public record Block(Type type, String text) {
        public enum Type { TITLE, HEADING, PARAGRAPH, BULLET }
    }

    private final ObservableList<ConsentText> texts = FXCollections.observableArrayList();
    private final ObservableSet<ConsentKind> ticked = FXCollections.observableSet(EnumSet.noneOf(ConsentKind.class));
    private final BooleanProperty drawn = new SimpleBooleanProperty(this, "drawn");
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
    private final BooleanBinding canSign = Bindings.createBooleanBinding(
            () -> !ticked.isEmpty() && drawn.get() && !busy.get(), ticked, drawn, busy);

    /** Offers {@code current} (the current text of each kind) with {@code needed} ticked. */
    public void load(List<ConsentText> current, Collection<ConsentKind> needed) {
        texts.setAll(current);
        ticked.clear();
        for (ConsentText t : current) {
            if (needed.contains(t.kind())) {
                ticked.add(t.kind());
            }
        }
    }

    public void tick(ConsentKind kind, boolean on) {
        if (on) {
            ticked.add(kind);
        } else {
            ticked.remove(kind);
        }
    }

    /** The ids of the text versions ticked, in the kinds' order: what is signed. */
    public List<Long> tickedTextIds() {
        return texts.stream().filter(t -> ticked.contains(t.kind())).map(ConsentText::id).toList();
    }

    /** The ticked texts as the patient reads them: title and version, then headings, paragraphs and bullets. */
    public List<Block> reading() {
        List<Block> out = new ArrayList<>();
        for (ConsentText t : texts) {
            if (!ticked.contains(t.kind())) {
                continue;
            }
            out.add(new Block(Block.Type.TITLE, t.title() + "  (version " + t.textVersion() + ")"));
            out.addAll(blocks(t.body()));
        }
        return out;
    }

    /** A text's body as blocks: "## " starts a heading, "- " a bullet, any other line a paragraph. */
    public static List<Block> blocks(String body) {
        List<Block> out = new ArrayList<>();
        for (String line : body.split("\\R")) {
            String s = line.strip();
            if (s.isEmpty()) {
                continue;
            }
            if (s.startsWith("## ")) {
                out.add(new Block(Block.Type.HEADING, s.substring(3)));
            } else if (s.startsWith("- ")) {
                out.add(new Block(Block.Type.BULLET, "\u2022  " + s.substring(2)));
            } else {
                out.add(new Block(Block.Type.PARAGRAPH, s));
            }
        }
        return out;
    }

    public ObservableList<ConsentText> texts() {
        return texts;
    }

    public ObservableSet<ConsentKind> ticked() {
        return ticked;
    }

    /** True once the patient drew something (the pad is not empty). */
    public BooleanProperty drawnProperty() {
        return drawn;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public BooleanBinding canSignProperty() {
        return canSign;
    }

    /** The kinds ticked, for the message after signing. */
    public Set<ConsentKind> tickedKinds() {
        return Set.copyOf(ticked);
    }
}
