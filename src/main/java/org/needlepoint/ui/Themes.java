package org.needlepoint.ui;

import java.util.function.Consumer;
import javafx.beans.value.ChangeListener;
import javafx.collections.MapChangeListener;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.Parent;

/**
 * The light and dark themes. While the dark theme (AtlantaFX Primer Dark) is on, the window's root and
 * the scene's root (which a decoration pane may wrap around it) carry the {@link #DARK} pseudo-class,
 * so stylesheets can say {@code .root:dark .x { ... }}, and the property {@link #DARK_KEY}, which a
 * control that colours itself in code follows with {@link #follow}. {@link #mark} sets both.
 */
public final class Themes {
    /** On the scene's root while the dark theme is on. */
    public static final PseudoClass DARK = PseudoClass.getPseudoClass("dark");
    /** The root's property: Boolean.TRUE while the dark theme is on. */
    public static final String DARK_KEY = "needlepoint.theme.dark";

    private Themes() {
    }

    /** Marks {@code root} as shown in the dark theme, or not. */
    public static void mark(Parent root, boolean dark) {
        root.pseudoClassStateChanged(DARK, dark);
        root.getProperties().put(DARK_KEY, dark);
    }

    /** Whether {@code node} is shown in the dark theme: it or a parent (the window's root) is marked dark. */
    public static boolean isDark(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            Object mark = n.getProperties().get(DARK_KEY);
            if (mark != null) {
                return Boolean.TRUE.equals(mark);
            }
        }
        return false;
    }

    /**
     * Tells {@code onChange} whether {@code node} is shown dark: now, whenever its scene or the
     * scene's root changes, and whenever the theme is switched.
     */
    public static void follow(Node node, Consumer<Boolean> onChange) {
        MapChangeListener<Object, Object> themed = c -> {
            if (DARK_KEY.equals(c.getKey())) {
                onChange.accept(isDark(node));
            }
        };
        ChangeListener<Parent> rootChanged = (o, was, now) -> {
            if (was != null) {
                was.getProperties().removeListener(themed);
            }
            if (now != null) {
                now.getProperties().addListener(themed);
            }
            onChange.accept(isDark(node));
        };
        node.sceneProperty().addListener((o, was, now) -> {
            if (was != null) {
                was.rootProperty().removeListener(rootChanged);
                if (was.getRoot() != null) {
                    was.getRoot().getProperties().removeListener(themed);
                }
            }
            if (now != null) {
                now.rootProperty().addListener(rootChanged);
                if (now.getRoot() != null) {
                    now.getRoot().getProperties().addListener(themed);
                }
            }
            onChange.accept(isDark(node));
        });
        onChange.accept(isDark(node));
    }
}
