<%@ page contentType="text/html;charset=UTF-8" session="false" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<h1 id="title">Tasks</h1>
<p id="engine">Rendered as a JSP, in a Thymeleaf layout.</p>
<form hx-post="${mvc.basePath}/tasks/add" hx-target="#task-list" hx-swap="outerHTML"
      hx-encoding="multipart/form-data"
      hx-on::after-request="if (event.detail.successful) { this.reset(); htmx.find('#task-error').textContent = ''; }"
      hx-on::response-error="htmx.find('#task-error').textContent = event.detail.xhr.status === 413
          ? 'That file is too large.' : event.detail.xhr.status === 415
          ? 'Attach a text file, an image or a PDF.' : 'Not added.'">
  <label for="task">Task</label>
  <input id="task" name="task" maxlength="200" autocomplete="off">
  <label for="task-file">File (optional)</label>
  <input id="task-file" name="file" type="file" accept="text/plain,image/png,image/jpeg,application/pdf">
  <button id="add-task" type="submit">Add</button>
</form>
<p id="task-error" role="alert"></p>
<ul id="task-list">
<c:forEach var="task" items="${tasks}">
  <li><span>${mvc.encoders.html(task.text)}</span><c:if test="${task.attached}">
    <small>${mvc.encoders.html(task.fileName)}, ${task.fileSize} bytes</small></c:if></li>
</c:forEach>
</ul>
<p>Tasks: <span id="task-count" hx-get="${mvc.basePath}/tasks/count" hx-trigger="tasks-changed from:body">${count}</span></p>
