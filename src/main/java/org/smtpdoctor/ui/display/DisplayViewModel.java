package org.smtpdoctor.ui.display;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * How the window is shown to others on a screen share: the zoom level and presentation mode (names and addresses
 * masked on screen and in reports). Every page reads presentation mode from here.
 */
public final class DisplayViewModel {

    /** Zoom steps in percent of the normal size. */
    public static final int[] ZOOM_LEVELS = {80, 90, 100, 110, 125, 150, 175, 200};
    private static final int NORMAL_ZOOM = 2;

    private final ReadOnlyIntegerWrapper zoomPercent = new ReadOnlyIntegerWrapper(this, "zoomPercent", 100);
    private final BooleanProperty presentationMode = new SimpleBooleanProperty(this, "presentationMode", false);
    private int zoomIndex = NORMAL_ZOOM;

    public ReadOnlyIntegerProperty zoomPercentProperty() {
        return zoomPercent.getReadOnlyProperty();
    }

    public BooleanProperty presentationModeProperty() {
        return presentationMode;
    }

    public boolean presenting() {
        return presentationMode.get();
    }

    public void zoomIn() {
        setZoomIndex(Math.min(zoomIndex + 1, ZOOM_LEVELS.length - 1));
    }

    public void zoomOut() {
        setZoomIndex(Math.max(zoomIndex - 1, 0));
    }

    public void zoomReset() {
        setZoomIndex(NORMAL_ZOOM);
    }

    private void setZoomIndex(int index) {
        zoomIndex = index;
        zoomPercent.set(ZOOM_LEVELS[index]);
    }
}
