<%@ page contentType="text/html;charset=UTF-8" session="false" %>
<h1 id="title">Wizard</h1>
<%@ include file="wizard-step.jsp" %>
<p>What you type is kept in page state while you go back and forth; reload to start over.</p>
