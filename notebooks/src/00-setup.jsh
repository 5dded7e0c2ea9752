// %% [markdown]
// # 00 · Set-up check
//
// Run this first. It loads lstm-lab into the kernel and shows a table, a chart and a progress bar through
// `org.lstmlab.notebook.Display`, the adapter every notebook uses. It works on rapaio, IJava and JJava.
//
// Build the jar once from the project folder: `mvn -B -q package -DskipTests`.

// %%
%jars ../target/lstm-lab.jar

// %% contains="kernel: rapaio"
import org.lstmlab.notebook.*;
System.out.println("kernel: " + Display.kernelName() + ", Java " + Runtime.version());
System.out.println("jdk.incubator.vector: "
        + (org.lstmlab.recipe.Versions.vectorApi() ? "present" : "absent (scalar path)"));

// %% expect=text/html contains="<th>window</th>"
import tech.tablesaw.api.*;
var windows = Table.create("book windows",
        IntColumn.create("window", 10, 100),
        IntColumn.create("chunk (samples at 44.1 kHz)", 441, 4410));
String tableId = Display.show(windows);

// %% expect=image/png
import org.knowm.xchart.*;
double[] t = new double[200], y = new double[200];
for (int i = 0; i < t.length; i++) { t[i] = i / 200.0; y[i] = Math.sin(2 * Math.PI * 5 * t[i]); }
var chart = new XYChartBuilder().width(600).height(250).title("5 Hz sine").xAxisTitle("s").build();
chart.addSeries("sin", t, y);
String chartId = Display.show(chart);

// %% expect=text/html contains="30/30"
var bar = new NotebookProgress("counting");
for (int i = 1; i <= 30; i++) { Thread.sleep(10); bar.update(i, 30, "i=" + i); }
