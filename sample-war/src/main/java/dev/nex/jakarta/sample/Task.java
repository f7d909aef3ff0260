package dev.nex.jakarta.sample;

import java.io.Serializable;

/** A task of the task list, with the small file attached to it, if any: kept in page state, so serializable. */
public final class Task implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String text;
    private final String fileName;
    private final String fileType;
    private final byte[] file;

    Task(String text, String fileName, String fileType, byte[] file) {
        this.text = text;
        this.fileName = fileName;
        this.fileType = fileType;
        this.file = file;
    }

    public String getText() {
        return text;
    }

    public boolean isAttached() {
        return file != null;
    }

    public String getFileName() {
        return fileName;
    }

    public String getFileType() {
        return fileType;
    }

    public int getFileSize() {
        return file == null ? 0 : file.length;
    }
}
