<%@ page contentType="text/html;charset=UTF-8" session="false" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<h1 id="title">Tasks</h1>
<p id="engine">Rendered as a JSP, in a Thymeleaf layout.</p>
<form hx-post="${mvc.basePath}/tasks/add" hx-target="#task-list" hx-swap="outerHTML"
      hx-on::after-request="if (event.detail.successful) this.reset()">
  <label for="task">Task</label>
  <input id="task" name="task" maxlength="200" autocomplete="off">
  <button id="add-task" type="submit">Add</button>
</form>
<ul id="task-list">
<c:forEach var="task" items="${tasks}">
  <li>${mvc.encoders.html(task)}</li>
</c:forEach>
</ul>
<p>Tasks: <span id="task-count" hx-get="${mvc.basePath}/tasks/count" hx-trigger="tasks-changed from:body">${count}</span></p>
