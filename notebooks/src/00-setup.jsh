// %% [markdown]
// # 00 · Set-up check
//
// Run this first. It loads lstm-lab into the kernel and shows a table, a chart and a progress bar through
// `org.lstmlab.notebook.Lab.show`, the one display call every notebook uses. It works on rapaio, IJava and JJava.
//
// Build the jar once from the project folder: `mvn -B -q package -DskipTests`.

// %% tags=parameters
String dataFolder = "";   // "" = the embedded synthetic data; or a Kaggle / UrbanSound8K folder (LSTMLAB_DATA wins)
boolean quick = false;    // true = the small synthetic preset (LSTMLAB_QUICK wins)

// %%
%jars ../target/lstm-lab.jar

// %% contains="kernel: rapaio"
import org.lstmlab.notebook.*;
System.out.println("kernel: " + Display.kernelName() + ", Java " + Runtime.version() + ", jdk.incubator.vector "
        + (org.lstmlab.recipe.Versions.vectorApi() ? "present" : "absent (scalar path)"));

// %% contains="dataset: "
var data = Lab.dataset(dataFolder, quick);   // nothing is read yet: the other notebooks open it
System.out.println("dataset: " + data);

// %% expect=text/html contains="<th>window</th>"
import tech.tablesaw.api.*;
Lab.show(Table.create("book windows", IntColumn.create("window", 10, 100), IntColumn.create("chunk (samples at 44.1 kHz)", 441, 4410)));

// %%
double[] t = java.util.stream.IntStream.range(0, 200).mapToDouble(i -> i / 200.0).toArray();
double[] y = java.util.Arrays.stream(t).map(s -> Math.sin(2 * Math.PI * 5 * s)).toArray();

// %% expect=image/png
import org.knowm.xchart.QuickChart;
Lab.show(QuickChart.getChart("5 Hz sine", "time (s)", "", "sin", t, y));

// %% expect=text/html contains="30/30"
var bar = new NotebookProgress("counting");
for (int i = 1; i <= 30; i++) { Thread.sleep(10); bar.update(i, 30, "i=" + i); }
