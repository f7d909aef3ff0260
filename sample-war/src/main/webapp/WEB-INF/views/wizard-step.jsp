<%@ page contentType="text/html;charset=UTF-8" session="false" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<div id="wizard">
  <p>Step <span id="step">${wizard.step}</span> of 3</p>
  <form hx-post="${mvc.basePath}/wizard/next" hx-target="#wizard" hx-swap="outerHTML">
    <c:choose>
      <c:when test="${wizard.step == 1}">
        <label for="name">Name</label>
        <input id="name" name="name" value="${mvc.encoders.html(wizard.name)}" autocomplete="off">
        <span class="field-error" id="name-error"><c:out value="${errors.name}"/></span>
      </c:when>
      <c:when test="${wizard.step == 2}">
        <label for="email">Email</label>
        <input id="email" name="email" value="${mvc.encoders.html(wizard.email)}" autocomplete="off">
        <span class="field-error" id="email-error"><c:out value="${errors.email}"/></span>
      </c:when>
      <c:otherwise>
        <dl id="summary">
          <dt>Name</dt><dd id="summary-name">${mvc.encoders.html(wizard.name)}</dd>
          <dt>Email</dt><dd id="summary-email">${mvc.encoders.html(wizard.email)}</dd>
        </dl>
      </c:otherwise>
    </c:choose>
    <c:if test="${wizard.step > 1}">
      <button id="back" type="button" hx-post="${mvc.basePath}/wizard/back" hx-include="closest form"
              hx-target="#wizard" hx-swap="outerHTML">Back</button>
    </c:if>
    <c:if test="${wizard.step < 3}">
      <button id="next" type="submit">Next</button>
    </c:if>
  </form>
</div>
