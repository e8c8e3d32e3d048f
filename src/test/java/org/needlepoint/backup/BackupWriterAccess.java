package org.needlepoint.backup;

import java.io.IOException;
import java.nio.file.Path;

/** Reaches BackupWriter's error mapping from tests. */
final class BackupWriterAccess {
    private BackupWriterAccess() {
    }

    static BackupException failed(Path target, IOException e) {
        return BackupWriter.failedForTests(target, e);
    }
}
