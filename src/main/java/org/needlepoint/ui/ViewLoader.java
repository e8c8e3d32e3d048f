package org.needlepoint.ui;

import java.io.IOException;
import java.net.URL;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/**
 * Loads FXML views and hands each controller its dependencies through the constructor. A view's
 * FXML sits at the mirrored resource path of its controller: {@code patient.PatientSearchController}
 * loads {@code /org/needlepoint/patient/PatientSearchView.fxml}. An unregistered controller is an
 * error at load time.
 */
public final class ViewLoader {
    private final Map<Class<?>, Supplier<?>> factories = new HashMap<>();

    public <C> ViewLoader register(Class<C> type, Supplier<? extends C> factory) {
        factories.put(type, factory);
        return this;
    }

    /** True when {@code controllerType} has a factory: its view (or an fx:include naming it) can be loaded. */
    public boolean isRegistered(Class<?> controllerType) {
        return factories.containsKey(controllerType);
    }

    public <C> View<C> load(Class<C> controllerType) {
        String name = controllerType.getSimpleName();
        if (!name.endsWith("Controller")) {
            throw new IllegalArgumentException(name + " is not a controller");
        }
        String path = "/" + controllerType.getPackageName().replace('.', '/') + "/"
                + name.substring(0, name.length() - "Controller".length()) + "View.fxml";
        URL url = controllerType.getResource(path);
        if (url == null) {
            throw new IllegalStateException("Missing view " + path);
        }
        FXMLLoader loader = new FXMLLoader(url);
        loader.setControllerFactory(this::create);
        try {
            Parent root = loader.load();
            return new View<>(root, controllerType.cast(loader.getController()));
        } catch (IOException e) {
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            throw new IllegalStateException("Cannot load view " + path + ": " + e.getMessage().strip()
                    + (cause == e ? "" : " (" + cause.getMessage() + ")"), e);
        }
    }

    private Object create(Class<?> type) {
        Supplier<?> f = factories.get(type);
        if (f == null) {
            throw new IllegalStateException("No factory registered for controller " + type.getName());
        }
        return f.get();
    }

    /** Finds a stylesheet on the class path, failing fast when it is missing. */
    public static String stylesheet(String path) {
        URL url = ViewLoader.class.getResource(path);
        if (url == null) {
            throw new IllegalStateException("Missing stylesheet " + path);
        }
        return url.toExternalForm();
    }
}
