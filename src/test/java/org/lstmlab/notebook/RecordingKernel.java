package org.lstmlab.notebook;

import java.util.ArrayList;
import java.util.List;

/** A kernel that records what it was asked to show: {"display"|"update", id, mime, value}. */
final class RecordingKernel implements JupyterKernel {

    final List<Object[]> calls = new ArrayList<>();

    @Override
    public String name() { return "recording"; }

    @Override
    public synchronized String display(String mime, Object value) {
        calls.add(new Object[] {"display", "d" + calls.size(), mime, value});
        return "d" + (calls.size() - 1);
    }

    @Override
    public synchronized void update(String id, String mime, Object value) {
        calls.add(new Object[] {"update", id, mime, value});
    }
}
